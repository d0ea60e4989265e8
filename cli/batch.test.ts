import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchDetectResult, BatchDiffResult } from './output';
import { MAX_LINE_BYTES, runBatch } from './batch';
import { FIXTURES, run } from './test-helpers';

function jsonLines(stdout: string): unknown[] {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
}

describe('diff --batch', () => {
  it('writes one result per non-blank line, reports bad lines as errors and keeps going', async () => {
    const r = await run(['diff', '--batch', 'pairs.jsonl'], { cwd: FIXTURES });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const results = jsonLines(r.stdout).map((l) => BatchDiffResult.parse(l));
    expect(results.map((x) => [x.id, x.line, 'error' in x])).toEqual([
      ['examplo-html', 1, false],
      [null, 2, true],
      ['no-newer', 4, true],
      ['gone', 5, true],
      [7, 6, false],
    ]);
    const [first, broken, noNewer, gone, last] = results;
    expect(broken).toMatchObject({ error: 'invalid JSON', command: 'diff' });
    expect(noNewer).toMatchObject({ error: 'missing "newer"' });
    expect(gone).toMatchObject({ error: 'missing.html: no such file' });
    for (const ok of [first, last]) {
      if (!ok || 'error' in ok) throw new Error('expected a diff result');
      expect(ok.findings.find((f) => f.category === 'ai-training')?.kind).toBe('new');
      expect(ok.findings.some((f) => f.category === 'third-party-sharing')).toBe(true);
    }
    if (first && !('error' in first)) expect(first.newer.url).toBe('https://examplo.test/privacy');
  });

  it('reads the batch from standard input with "-", its paths relative to the working folder', async () => {
    const lines = ['{"id":"a","older":"policy-v1.md","newer":"policy-v2.md"}', '{"id":"b","older":"policy-v1.md"}'].join('\n');
    // Split across chunks, as a pipe delivers it.
    const stdin = (async function* () {
      const bytes = new TextEncoder().encode(lines);
      for (let i = 0; i < bytes.length; i += 17) yield bytes.subarray(i, i + 17);
    })();
    const r = await run(['diff', '--batch', '-'], { cwd: FIXTURES, stdin });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(jsonLines(r.stdout).map((l) => { const x = BatchDiffResult.parse(l); return [x.id, 'error' in x]; })).toEqual([['a', false], ['b', true]]);
    // Without a standard input to read (as when embedded), "-" is an input error, not a file named "-".
    expect(await run(['diff', '--batch', '-'], { cwd: FIXTURES })).toMatchObject({ code: 1, stderr: expect.stringContaining('no standard input') });
  });

  it('exits 0 when every line succeeds; paths may be absolute', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clausewatch-batch-'));
    try {
      const list = join(dir, 'pairs.jsonl');
      writeFileSync(list, `${JSON.stringify({ id: 'a', older: join(FIXTURES, 'policy-v1.md'), newer: join(FIXTURES, 'policy-v2.md') })}\r\n\r\n`);
      const r = await run(['diff', '--batch', list]);
      expect(r.code).toBe(0);
      expect(jsonLines(r.stdout)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes each result on its own line and waits for a full pipe to drain before the next', async () => {
    const writes: string[] = [];
    let drains = 0;
    const sink = {
      write: (s: string) => (writes.push(s), false),
      once: (_e: 'drain', listener: () => void) => {
        drains++;
        setImmediate(listener);
      },
    };
    const code = await runBatch('detect', 'pages.jsonl', { cwd: FIXTURES, out: sink, maxBytes: 1e6 });
    expect(code).toBe(1);
    expect(writes).toHaveLength(5);
    expect(drains).toBe(5);
    expect(writes.every((w) => w.endsWith('\n') && !w.slice(0, -1).includes('\n'))).toBe(true);
  });

  it('a missing list file is an input error for the whole run', async () => {
    const r = await run(['diff', '--batch', 'nope.jsonl']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('clausewatch: error: nope.jsonl: no such file\n');
  });
});

describe('detect --batch', () => {
  it('detects each page, with its id, and reports bad lines', async () => {
    const r = await run(['detect', '--batch', 'pages.jsonl']);
    expect(r.code).toBe(1);
    const results = jsonLines(r.stdout).map((l) => BatchDetectResult.parse(l));
    expect(results.map((x) => x.id)).toEqual(['policy', 'tomatoes', null, 'bad-url', 'markdown']);
    const [policy, tomatoes, notObject, badUrl, markdown] = results;
    expect(policy).toMatchObject({ kind: 'privacy-policy', url: 'https://examplo.test/privacy' });
    expect(policy && 'document' in policy && policy.document?.statedDate).toBe('2024-03-03');
    expect(tomatoes).toMatchObject({ kind: 'other' });
    expect(notObject).toMatchObject({ error: 'expected a JSON object', line: 3 });
    expect(badUrl).toMatchObject({ error: expect.stringMatching(/^invalid url/) });
    expect(markdown).toMatchObject({ kind: 'privacy-policy', format: 'markdown' });
  });
});

describe('a batch file that is not one', () => {
  it.skipIf(!existsSync('/dev/zero'))('detect --batch /dev/zero stops at the first megabyte with one clear line, no stack trace', async () => {
    const r = await run(['detect', '--batch', '/dev/zero']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('clausewatch: error: /dev/zero: line 1 is longer than 1 MB without ending; a batch file holds one short JSON object per line (stopped reading there)\n');
  });

  it('stops at an over-long line after the results of the lines before it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clausewatch-batch-'));
    try {
      const list = join(dir, 'pages.jsonl');
      const first = JSON.stringify({ id: 'ok', file: join(FIXTURES, 'policy-v1.md') });
      writeFileSync(list, `${first}\n${'{"id":"huge","file":"'.padEnd(MAX_LINE_BYTES + 10, 'x')}\n${first}\n`);
      const r = await run(['detect', '--batch', list]);
      expect(r.code).toBe(1);
      expect(jsonLines(r.stdout).map((l) => (l as { id: unknown }).id)).toEqual(['ok']);
      expect(r.stderr).toMatch(/^clausewatch: error: .*pages\.jsonl: line 2 is longer than 1 MB[^\n]*\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a line that is not UTF-8 as that line\'s error and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clausewatch-batch-'));
    try {
      const list = join(dir, 'pages.jsonl');
      const ok = Buffer.from(`${JSON.stringify({ id: 'ok', file: join(FIXTURES, 'policy-v1.md') })}\n`);
      writeFileSync(list, Buffer.concat([Buffer.from('{"id":"bad","file":"caf'), Buffer.from([0xe9]), Buffer.from('.md"}\n'), ok]));
      const r = await run(['detect', '--batch', list]);
      expect(r.code).toBe(1);
      const results = jsonLines(r.stdout).map((l) => BatchDetectResult.parse(l));
      expect(results[0]).toEqual({ id: null, line: 1, command: 'detect', error: 'not valid UTF-8 (byte 23 of the line)' });
      expect(results[1]).toMatchObject({ id: 'ok', line: 2, kind: 'privacy-policy' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
