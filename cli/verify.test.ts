import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeChange } from '../lib/core/engine';
import { buildEvidenceWarc } from '../lib/history/evidence';
import { warcRecord } from '../lib/history/evidence/warc';
import { freshStore } from '../lib/history/test-support';
import { currentExtractor, DEMO_URL, demoHtml, extracted } from '../lib/history/test-pages';
import { run } from './test-helpers';
import { runVerify } from './verify';

let dir: string;
let warc: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clausewatch-verify-'));
  const { store, clock } = await freshStore();
  for (const name of ['privacy-v1', 'privacy-cosmetic', 'privacy-v2'] as const) {
    const html = demoHtml(name);
    await store.savePolicyVersion({ url: DEMO_URL, kind: 'privacy-policy', document: await extracted(currentExtractor, html), raw: { html, source: 'visit' }, extractorVersion: 1, analyze: analyzeChange });
    clock.tick(86_400_000);
  }
  warc = buildEvidenceWarc({ exportedAt: new Date(clock.now).toISOString(), software: 'test', scope: 'inkwell.example', policies: await store.evidence('inkwell.example') }).bytes;
  writeFileSync(join(dir, 'evidence.warc'), warc);
  writeFileSync(join(dir, 'evidence.warc.gz'), gzipSync(warc));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('clausewatch verify', () => {
  it('exits 0 and says what it checked when the export is intact (plain or gzipped)', async () => {
    for (const name of ['evidence.warc', 'evidence.warc.gz']) {
      const r = await runVerify(name, { cwd: dir });
      expect(r.exitCode).toBe(0);
      expect(r.stderr).toEqual([]);
      expect(r.stdout[0]).toBe('checked: 8 WARC records read; every block and payload digest and record id checked');
      expect(r.stdout[1]).toMatch(/^checked: chain of privacy-policy:https:\/\/inkwell\.example\/legal\/privacy: 3 entries, head [0-9a-f]{64}; 3 of 3 raw captures in the file/);
      expect(r.stdout.at(-1)).toBe(`verified: ${name} is intact (8 records)`);
    }
  });

  it('verifies an export piped to it (`cat export.warc | clausewatch verify /dev/stdin`), gzipped or not', () => {
    // A shell's pipe, as a user makes one: /dev/stdin reports no size, and was read as an empty file ("FAIL
    // the file holds no WARC record", exit 1: an intact export called damaged).
    const root = fileURLToPath(new URL('..', import.meta.url));
    for (const name of ['evidence.warc', 'evidence.warc.gz']) {
      const r = spawnSync('sh', ['-c', 'cat "$1" | "$0" --import tsx cli/main.ts verify /dev/stdin', process.execPath, join(dir, name)], { cwd: root, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toContain('FAIL');
      expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('verified: /dev/stdin is intact (8 records)');
      expect(r.status).toBe(0);
    }
  }, 60_000);

  it('stops reading a stream past the size limit, with one line: never a verdict on part of it', async () => {
    expect(await runVerify('/dev/zero', { maxBytes: 1_000_000 })).toEqual({ exitCode: 1, stdout: [], stderr: ['clausewatch: error: /dev/zero: cannot read (larger than 1000000 bytes)'] });
  });

  it('exits 1 and names the record when one byte is changed', async () => {
    const text = new TextDecoder().decode(warc);
    // The stated date of the third capture's text ("Last updated: November 2, 2026" -> 3, 2026).
    const at = new TextEncoder().encode(text.slice(0, text.lastIndexOf('November 2, 2026') + 'November '.length)).byteLength;
    const tampered = new Uint8Array(warc);
    tampered[at] = '3'.charCodeAt(0);
    writeFileSync(join(dir, 'tampered.warc'), tampered);
    const r = await runVerify('tampered.warc', { cwd: dir });
    expect(r.exitCode).toBe(1);
    const fails = r.stdout.filter((l) => l.startsWith('FAIL '));
    expect(fails.length).toBeGreaterThan(0);
    expect(fails[0]).toMatch(/^FAIL record 7 \(resource <urn:uuid:[0-9a-f-]{36}> https:\/\/inkwell\.example\/legal\/privacy\): WARC-Block-Digest does not match its content/);
    expect(r.stdout.at(-1)).toMatch(/^not verified: tampered\.warc: \d+ problems?$/);
  });

  it('exits 1 with one line on standard error for a file it cannot read', async () => {
    expect(await runVerify('missing.warc', { cwd: dir })).toEqual({ exitCode: 1, stdout: [], stderr: ['clausewatch: error: missing.warc: cannot read (no such file)'] });
    expect((await runVerify('.', { cwd: dir })).stderr[0]).toMatch(/cannot read/);
    writeFileSync(join(dir, 'page.html'), '<html><body>not an archive</body></html>');
    const r = await runVerify('page.html', { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('FAIL record 1 (at byte 0): expected a WARC version line, found "<html><body>not an archive</body></html>"');
  });

  it('writes a value from the file on one line, with its control characters shown: it cannot fake a verdict', async () => {
    const parts = new TextDecoder().decode(warc).split(/(?=WARC\/1\.1\r\n)/);
    // A warcinfo record that lists a policy whose id carries a line feed, a fake verdict and a colour.
    const info = warcRecord({ type: 'warcinfo', date: '2026-03-01T00:00:00.000Z', contentType: 'application/warc-fields', block: new TextEncoder().encode('policies: 1\r\npolicy: evil\nverified: evidence.warc is intact (8 records)\u001b[32m none\r\n') });
    writeFileSync(join(dir, 'crafted.warc'), new TextEncoder().encode([new TextDecoder().decode(info.bytes), ...parts.slice(1)].join('')));
    const r = await run(['verify', 'crafted.warc'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('verified:'))).toEqual([]);
    expect(r.stdout).not.toContain('\u001b');
    expect(lines.some((l) => l.includes('evil\\u000averified: evidence.warc is intact (8 records)\\u001b[32m'))).toBe(true);
  });

  it('escapes a value the parser quotes once, as every other value: "a\\u0005b\\u202eX", not "a\\\\u0005b\\u202eX"', async () => {
    // The parser JSON.stringify'd its quotes, and the output escaped their backslashes again, but not the
    // U+202E JSON leaves as it is: a control character read as a policy's own "\u0005" text.
    const cases: Array<[string, string, string]> = [
      ['no-field.warc', 'WARC/1.1\r\nWARC-Type: warcinfo\r\na\u0005b\u202eX \\u0007\r\n\r\n', 'FAIL record 1 (at byte 0): a header line has no field name: "a\\u0005b\\u202eX \\\\u0007"'],
      ['version.warc', 'WARC/1.1\u0005\u200f\r\nWARC-Type: warcinfo\r\n\r\n', 'FAIL record 1 (at byte 0): expected a WARC version line, found "WARC/1.1\\u0005\\u200f"'],
      ['not-warc.warc', '\u001b[2Jnot\u202e a warc\r\n', 'FAIL record 1 (at byte 0): expected a WARC version line, found "\\u001b[2Jnot\\u202e a warc"'],
    ];
    for (const [name, text, line] of cases) {
      writeFileSync(join(dir, name), text);
      const r = await run(['verify', name], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout.split('\n')).toContain(line);
    }
  });

  it('runs as `clausewatch verify FILE` from the command line: 0 intact, 1 tampered, 2 without a file', async () => {
    const ok = await run(['verify', 'evidence.warc'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('verified: evidence.warc is intact (8 records)');
    const bad = Uint8Array.from(warc);
    const at = bad.length >> 1;
    bad[at] = (bad[at] ?? 0) ^ 1;
    writeFileSync(join(dir, 'tampered.warc'), bad);
    const tampered = await run(['verify', 'tampered.warc'], { cwd: dir });
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/^FAIL record \d+ \(/m);
    const usage = await run(['verify'], { cwd: dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/verify needs a FILE/);
  });
});
