import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchDetectResult, BatchDiffResult } from './output';
import { MAX_LINE_BYTES, runBatch } from './batch';
import { InputError } from './input';
import { FIXTURES, run } from './test-helpers';

/** A scratch folder for one test, removed after it. */
async function inTempDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'clausewatch-batch-'));
  try {
    await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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

describe('a batch file in UTF-16', () => {
  const pairs = (ids: Array<string | number>) => ids.map((id) => `${JSON.stringify({ id, older: 'policy-v1.md', newer: 'policy-v2.md' })}\r\n`).join('');
  const utf16le = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le');
  const utf16be = (text: string) => utf16le(text).swap16();

  it('is read as UTF-16 behind its byte-order mark, little- or big-endian (PowerShell 5 writes it): one result per line', async () => {
    // Each line was an error before ("not valid UTF-8", then "invalid JSON"), and the last NUL a line of its own.
    await inTempDir(async (dir) => {
      for (const [name, bytes] of [['le.jsonl', utf16le(pairs([1, 'zwei']))], ['be.jsonl', utf16be(pairs([1, 'zwei']))]] as const) {
        writeFileSync(join(dir, name), bytes);
        for (const f of ['policy-v1.md', 'policy-v2.md']) writeFileSync(join(dir, f), readFileSync(join(FIXTURES, f)));
        const r = await run(['diff', '--batch', name], { cwd: dir });
        expect(r.stderr).toBe('');
        const results = jsonLines(r.stdout).map((l) => BatchDiffResult.parse(l));
        expect(results.map((x) => [x.id, x.line, 'error' in x])).toEqual([
          [1, 1, false],
          ['zwei', 2, false],
        ]);
        expect(r.code).toBe(0);
      }
    });
  });

  it('from standard input too, however the pipe cuts it (here: one byte at a time, through a surrogate pair)', async () => {
    const bytes = utf16le(pairs(['😀 one', 'two']));
    const stdin = (async function* () {
      for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
    })();
    const r = await run(['diff', '--batch', '-'], { cwd: FIXTURES, stdin });
    expect(r.stderr).toBe('');
    expect(jsonLines(r.stdout).map((l) => BatchDiffResult.parse(l)).map((x) => [x.id, 'error' in x])).toEqual([
      ['😀 one', false],
      ['two', false],
    ]);
  });

  it('that does not decode ends the run with one line naming the cause, after the results before it', async () => {
    await inTempDir(async (dir) => {
      for (const f of ['policy-v1.md', 'policy-v2.md']) writeFileSync(join(dir, f), readFileSync(join(FIXTURES, f)));
      // An odd byte at the end: half a UTF-16 code unit.
      writeFileSync(join(dir, 'odd.jsonl'), Buffer.concat([utf16le(pairs([1])), Buffer.from([0x41])]));
      const r = await run(['diff', '--batch', 'odd.jsonl'], { cwd: dir });
      expect(jsonLines(r.stdout).map((l) => (l as { id: unknown }).id)).toEqual([1]);
      expect(r.stderr).toBe('clausewatch: error: odd.jsonl: starts with a UTF-16 byte-order mark but is not valid UTF-16; convert it to UTF-8\n');
      expect(r.code).toBe(1);
    });
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

describe('batch ids', () => {
  it('echoes a string or a safe integer exactly, and refuses any other id before reading the line\'s file', async () => {
    await inTempDir(async (dir) => {
      const ok = JSON.stringify(join(FIXTURES, 'policy-v1.md'));
      // The refused ids name a file that does not exist: the id is checked first, so that is never reported.
      const refused = ['1e400', '9007199254740993', '9007199254740992', '1.5', '{"n": 1}', '[1]', 'true'];
      const list = [...refused.map((id) => `{"id": ${id}, "file": "absent.md"}`), `{"id": 9007199254740991, "file": ${ok}}`, `{"id": "", "file": ${ok}}`];
      writeFileSync(join(dir, 'pages.jsonl'), `${list.join('\n')}\n`);
      const r = await run(['detect', '--batch', 'pages.jsonl'], { cwd: dir });
      expect(r.code).toBe(1);
      const out = r.stdout.trimEnd().split('\n');
      expect(out.slice(0, refused.length).map((l) => JSON.parse(l) as unknown)).toEqual(
        refused.map((_id, i) => ({ id: null, line: i + 1, command: 'detect', error: '"id" must be a string or a safe integer' })),
      );
      expect(out[refused.length]).toMatch(/^\{"id":9007199254740991,"line":8,"command":"detect",/);
      expect(BatchDetectResult.parse(JSON.parse(out[refused.length + 1] ?? ''))).toMatchObject({ id: '', kind: 'privacy-policy' });
    });
  });

  it('keeps a usable id on a line that fails for another reason', async () => {
    await inTempDir(async (dir) => {
      writeFileSync(join(dir, 'pages.jsonl'), '{"id": 12, "file": "absent.md"}\n{"id": 1e400, "file": 3}\n');
      const r = await run(['detect', '--batch', 'pages.jsonl'], { cwd: dir });
      expect(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
        { id: 12, line: 1, command: 'detect', error: 'absent.md: no such file' },
        { id: null, line: 2, command: 'detect', error: '"id" must be a string or a safe integer' },
      ]);
    });
  });
});

describe('a list file that cannot be read', () => {
  it('a socket (which stat() accepts and open() refuses) is an input error: one line, exit 1', async () => {
    await inTempDir(async (dir) => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(join(dir, 'list.jsonl'), resolve));
      try {
        const r = await run(['diff', '--batch', 'list.jsonl'], { cwd: dir });
        expect(r).toEqual({ code: 1, stdout: '', stderr: 'clausewatch: error: list.jsonl: cannot be opened (a socket, or a device with nothing behind it)\n' });
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  });

  // root reads any file: only a normal user sees the everyday case.
  it.skipIf(process.getuid?.() === 0)('a list file without read permission is "permission denied", exit 1', async () => {
    await inTempDir(async (dir) => {
      writeFileSync(join(dir, 'locked.jsonl'), '{"id":"a","older":"x.md","newer":"y.md"}\n');
      chmodSync(join(dir, 'locked.jsonl'), 0o000);
      expect(await run(['diff', '--batch', 'locked.jsonl'], { cwd: dir })).toEqual({ code: 1, stdout: '', stderr: 'clausewatch: error: locked.jsonl: permission denied\n' });
    });
  });

  it('a read that fails halfway is an input error after the lines before it', async () => {
    const writes: string[] = [];
    const stdin = (async function* () {
      yield new TextEncoder().encode(`${JSON.stringify({ id: 'a', file: 'absent.md' })}\n{"id":`);
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    })();
    const running = runBatch('detect', '-', { cwd: FIXTURES, out: { write: (s: string) => writes.push(s) }, maxBytes: 1e6, stdin });
    await expect(running).rejects.toThrow(InputError);
    await expect(running).rejects.toThrow(/^-: cannot read \(EIO\)$/);
    expect(writes).toHaveLength(1);
  });
});

describe('batch output and characters a terminal obeys', () => {
  it('writes C1 controls, DEL, direction overrides and line separators as \\u escapes that parse back', async () => {
    await inTempDir(async (dir) => {
      const odd = 'advertisers.\u009b2J \u202efake\u202c \u2066x\u2069 \u007f \u0085 \\u009b';
      writeFileSync(join(dir, 'old.md'), '# Privacy Policy\n\n## Sharing\n\nWe keep your data to ourselves.\n');
      writeFileSync(join(dir, 'new.md'), `# Privacy Policy\n\n## Sharing\n\nWe keep your data to ourselves.\n\nWe sell your data to ${odd}\n`);
      // A file name is echoed as written (in "source" and in an error), line separators included.
      const missing = 'gone\u2028\u2029\u009b\u202e.md';
      writeFileSync(join(dir, 'pairs.jsonl'), `${JSON.stringify({ id: 'x', older: 'old.md', newer: 'new.md' })}\n${JSON.stringify({ id: 'y', older: 'old.md', newer: missing })}\n`);
      const r = await run(['diff', '--batch', 'pairs.jsonl'], { cwd: dir });
      expect(r.code).toBe(1);
      // eslint-disable-next-line no-control-regex
      expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      for (const escaped of ['\\u009b2J', '\\u202efake\\u202c', '\\u2066x\\u2069', '\\u007f', '\\u0085', 'gone\\u2028\\u2029\\u009b\\u202e.md']) expect(r.stdout).toContain(escaped);
      const [diff, error] = r.stdout.trimEnd().split('\n').map((l) => BatchDiffResult.parse(JSON.parse(l)));
      if (!diff || 'error' in diff) throw new Error('expected a diff result');
      const evidence = diff.findings.flatMap((f) => f.evidence).join(' ');
      expect(evidence).toContain('\u009b2J \u202efake\u202c \u2066x\u2069 \u007f \u0085');
      // The policy's own backslash text stays what it was.
      expect(evidence).toContain('\\u009b');
      expect(error).toEqual({ id: 'y', line: 2, command: 'diff', error: `${missing}: no such file` });
    });
  });
});
