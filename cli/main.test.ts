import { mkdtempSync, mkdirSync, rmSync, truncateSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DetectOutput, DiffOutput } from './output';
import { ANSI, FIXTURES, run } from './test-helpers';

// eslint-disable-next-line no-control-regex
const COLOUR = /\x1b\[[\d;]{0,12}m/g;
// eslint-disable-next-line no-control-regex
const OBEYED_CHARS = /^(?:[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]|(?![\u00ad\u200c\u200d])\p{Cf})$/u;

describe('clausewatch diff', () => {
  it('reports the new AI-training clause and the advertising-partner sharing, piped: no colour, [+ +] markers', async () => {
    const r = await run(['diff', 'policy-v1.html', 'policy-v2.html']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toMatch(/\[MAJOR\].*\n\s+AI training · New/);
    expect(r.stdout).toContain('[+We use the content you create');
    expect(r.stdout).toMatch(/Sharing with third parties · (New|Expanded)/);
    expect(r.stdout).toMatch(/\[\+[^\]]*advertising partners/);
    expect(r.stdout).toContain('[-only-]');
    expect(r.stdout).toContain('stated date 2024-03-03');
    expect(r.stdout).toContain('stated date 2024-09-15');
  });

  it('--lang de explains the findings in German, in the text and in the JSON; the quotes stay as written', async () => {
    const r = await run(['diff', 'policy-v1.html', 'policy-v2.html', '--lang', 'de']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[WICHTIG\] Neu: Ihre Daten dürfen zum Training von KI-Modellen verwendet werden/);
    expect(r.stdout).toMatch(/KI-Training · Neu/);
    expect(r.stdout).toMatch(/^2 wichtige Änderungen: neues KI-Training; /m);
    expect(r.stdout).toContain('[+We use the content you create');
    const j = DiffOutput.parse(JSON.parse((await run(['diff', 'policy-v1.html', 'policy-v2.html', '--json', '--lang=fr'])).stdout));
    expect(j.findings[0]?.headline).toMatch(/^Nouveau\u00a0: vos données peuvent servir à entraîner des modèles d’IA/);
    expect(j.findings[0]?.category).toBe('ai-training');
  });

  it('refuses a language it cannot write', async () => {
    const r = await run(['diff', 'policy-v1.html', 'policy-v2.html', '--lang', 'pt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--lang must be en, de, fr or es, not 'pt'/);
  });

  it('colours insertions and deletions on a terminal instead of marking them', async () => {
    const r = await run(['diff', 'policy-v1.html', 'policy-v2.html'], { isTTY: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\x1b[32;4mWe\x1b[0m \x1b[32;4muse\x1b[0m');
    expect(r.stdout).toContain('\x1b[31;9monly\x1b[0m');
    expect(r.stdout).not.toContain('[+');
  });

  it.each([
    ['NO_COLOR is set', [] as string[], { NO_COLOR: '1' }],
    ['--no-color is given', ['--no-color'], {}],
  ])('does not colour a terminal when %s', async (_label, extra, env) => {
    const r = await run(['diff', 'policy-v1.html', 'policy-v2.html', ...extra], { isTTY: true, env });
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toContain('[+We use the content');
  });

  it('--json prints one document that matches the schema, with categories, kinds and quoted evidence', async () => {
    const r = await run(['diff', 'policy-v1.html', 'policy-v2.html', '--json']);
    expect(r.code).toBe(0);
    const out = DiffOutput.parse(JSON.parse(r.stdout));
    expect(out.older).toMatchObject({ source: 'policy-v1.html', format: 'html', statedDate: '2024-03-03' });
    expect(out.newer.statedDate).toBe('2024-09-15');
    const ai = out.findings.find((f) => f.category === 'ai-training');
    expect(ai).toMatchObject({ kind: 'new', severity: 'major' });
    expect(ai?.evidence.join(' ')).toContain('to train our artificial intelligence models');
    expect(ai?.section.at(-1)).toBe('How we use your information');
    const sharing = out.findings.find((f) => f.category === 'third-party-sharing');
    expect(sharing?.severity).toBe('major');
    expect(sharing?.evidence.join(' ')).toContain('advertising partners');
    expect(sharing?.evidenceSpans[0]?.some((s) => s.op === 'insert' && s.text.includes('advertising partners'))).toBe(true);
    expect(out.counts.major).toBeGreaterThanOrEqual(2);
    expect(out.summary).not.toBe('');
  });

  it('reads Markdown as already-extracted text, its headings as sections', async () => {
    const r = await run(['diff', 'policy-v1.md', 'policy-v2.md', '--json']);
    expect(r.code).toBe(0);
    const out = DiffOutput.parse(JSON.parse(r.stdout));
    expect(out.older).toMatchObject({ format: 'markdown', method: 'markdown', title: 'Privacy Policy', language: 'en' });
    const ai = out.findings.find((f) => f.category === 'ai-training');
    expect(ai?.section).toEqual(['Privacy Policy', 'How we use your information']);
    expect(out.findings.some((f) => f.category === 'third-party-sharing')).toBe(true);
  });

  it('reads pages that jsdom cannot close cleanly (an <iframe> inside <svg> or <math>) and a character reference to no character', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-odd-markup-'));
    try {
      const page = (extra: string) => `<title>Privacy Policy</title><h1>Privacy Policy</h1><p>We keep your data to ourselves.</p>${extra}<svg><iframe></iframe></svg><math><iframe></iframe></math><iframe></iframe>`;
      writeFileSync(join(dir, 'old.html'), page(''));
      writeFileSync(join(dir, 'new.html'), page('<p>We sell your data to advertisers.</p>'));
      writeFileSync(join(dir, 'old.md'), '# Privacy Policy\n\nWe keep your data to ourselves&#x110000;.\n');
      writeFileSync(join(dir, 'new.md'), '# Privacy Policy\n\nWe keep your data to ourselves&#x110000;.\n\nWe sell your data to advertisers.\n');
      for (const [older, newer] of [['old.html', 'new.html'], ['old.md', 'new.md']]) {
        const r = await run(['diff', older ?? '', newer ?? '', '--json'], { cwd: dir });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(DiffOutput.parse(JSON.parse(r.stdout)).findings.some((f) => f.category === 'third-party-sharing')).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads .md files whose prose mentions <head> or <body> as Markdown, not as HTML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-md-mentions-'));
    try {
      // A mention in the first KB made both read as HTML: the headings lost, the title empty, and detect
      // saying "not a privacy policy (confidence 1.00)".
      const mention = (name: string) => readFileSync(join(FIXTURES, name), 'utf8').replace('We collect device information', 'A pixel in the <head> of our pages (not the <body>) counts visits. We collect device information');
      writeFileSync(join(dir, 'v1.md'), mention('policy-v1.md'));
      writeFileSync(join(dir, 'v2.md'), mention('policy-v2.md'));
      expect(readFileSync(join(dir, 'v2.md'), 'utf8').indexOf('<head>')).toBeLessThan(1024);
      const detected = await run(['detect', 'v2.md', '--json'], { cwd: dir });
      expect(DetectOutput.parse(JSON.parse(detected.stdout))).toMatchObject({ format: 'markdown', kind: 'privacy-policy' });
      const r = await run(['diff', 'v1.md', 'v2.md', '--json'], { cwd: dir });
      const out = DiffOutput.parse(JSON.parse(r.stdout));
      expect(out.newer).toMatchObject({ format: 'markdown', title: 'Privacy Policy' });
      expect(out.notes).toEqual([]);
      expect(out.findings.some((f) => f.category === 'ai-training' && f.severity === 'major')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a policy\'s control characters as visible escapes, never as terminal commands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-escapes-'));
    try {
      writeFileSync(join(dir, 'old.md'), '# Privacy Policy\n\n## Sharing\n\nWe keep your data to ourselves.\n');
      // A title change, a screen wipe, a line overwrite and a right-to-left override, inside the text.
      // And a policy's own backslash text that would look like one of those escapes.
      writeFileSync(join(dir, 'new.md'), '# Privacy Policy\x1b]0;PWNED\x07\n\n## Sharing\n\nWe keep your data to ourselves.\n\nWe sell your data to advertisers.\x1b[2J\x1b[31mnothing to see\r\u202eevil \\u0007 fake\n');
      for (const isTTY of [false, true]) {
        const r = await run(['diff', 'old.md', 'new.md'], { cwd: dir, isTTY });
        expect(r.code).toBe(0);
        if (!isTTY) expect(r.stdout).toContain('We sell your data to advertisers.\\u001b[2J\\u001b[31mnothing to see \\u202eevil \\\\u0007');
        for (const shown of ['\\u001b]0;PWNED\\u0007', '\\u001b[2J', '\\u202e']) expect(r.stdout).toContain(shown);
        // Only the tool's own colour codes reach the terminal, and none when piped.
        const withoutColours = r.stdout.replaceAll(COLOUR, '');
        expect([...withoutColours].filter((c) => OBEYED_CHARS.test(c))).toEqual([]);
        if (!isTTY) expect(r.stdout).not.toContain('\x1b');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes direction marks and other invisible format characters of a page as escapes, in the text and the JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-format-chars-'));
    try {
      // A right-to-left mark made a bidi-aware terminal lay the quoted line out right to left, [+ +] and all.
      const marks = '&#x200f;&#x61c;&#x200e;&#x206e;&#xfff9;';
      const v2 = readFileSync(join(FIXTURES, 'policy-v2.html'), 'utf8').replace('We use the content you create', `${marks} We use the content you create`);
      writeFileSync(join(dir, 'v2.html'), v2);
      const r = await run(['diff', join(FIXTURES, 'policy-v1.html'), 'v2.html'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('\\u200f\\u061c\\u200e\\u206e\\ufff9 We use the content you create');
      expect(r.stdout).not.toMatch(/[\u200e\u200f\u061c\u206e\ufff9]/);
      const json = await run(['diff', join(FIXTURES, 'policy-v1.html'), 'v2.html', '--json'], { cwd: dir });
      expect(json.stdout).toContain('\\u200f\\u061c\\u200e\\u206e\\ufff9 We use the content you create');
      expect(json.stdout).not.toMatch(/[\u200e\u200f\u061c\u206e\ufff9]/);
      expect(DiffOutput.parse(JSON.parse(json.stdout)).findings.flatMap((f) => f.evidence)).toContainEqual(expect.stringContaining('\u200f\u061c\u200e\u206e\ufff9 We use the content you create'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--json writes C1 controls, DEL and direction overrides as \\u escapes, which parse back to the text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-json-escapes-'));
    try {
      writeFileSync(join(dir, 'old.md'), '# Privacy Policy\n\n## Sharing\n\nWe keep your data to ourselves.\n');
      writeFileSync(join(dir, 'new.md'), '# Privacy Policy\n\n## Sharing\n\nWe keep your data to ourselves.\n\nWe sell your data to advertisers.\u009b2J \u202efake\u202c \u2067x\u2069 \u007f\n');
      const r = await run(['diff', 'old.md', 'new.md', '--json'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('advertisers.\\u009b2J \\u202efake\\u202c \\u2067x\\u2069 \\u007f');
      expect([...r.stdout].filter((c) => OBEYED_CHARS.test(c) && c !== '\n')).toEqual([]);
      expect(DiffOutput.parse(JSON.parse(r.stdout)).findings[0]?.evidence[0]).toContain('advertisers.\u009b2J \u202efake\u202c \u2067x\u2069 \u007f');
      // detect echoes the file name as given, line separators and all.
      const name = 'policy\u2028\u009b\u202e.md';
      writeFileSync(join(dir, name), readFileSync(join(FIXTURES, 'policy-v1.md')));
      const d = await run(['detect', name, '--json'], { cwd: dir });
      expect(d.stdout).toContain('"source": "policy\\u2028\\u009b\\u202e.md"');
      expect(d.stdout).not.toMatch(/[\u0080-\u009f\u2028\u2029\u202a-\u202e]/);
      expect(DetectOutput.parse(JSON.parse(d.stdout)).source).toBe(name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--lang writes the severity counts in that language, from the same words as the findings', async () => {
    const lines = async (lang: string) => (await run(['diff', 'policy-v1.md', 'policy-v2.md', '--lang', lang])).stdout.split('\n');
    const counts = async (lang: string) => (await lines(lang)).find((l) => l.includes(' · ') && /\d$/.test(l));
    expect(await counts('en')).toBe('Major: 2 · Good news: 0 · Minor: 1 · Cosmetic: 2');
    expect(await counts('de')).toBe('Wichtig: 2 · Gute Nachricht: 0 · Geringfügig: 1 · Formal: 2');
    expect(await counts('fr')).toBe('Important\u00a0: 2 · Bonne nouvelle\u00a0: 0 · Mineur\u00a0: 1 · Forme\u00a0: 2');
    expect(await counts('es')).toBe('Importante: 2 · Buenas noticias: 0 · Menor: 1 · De forma: 2');
    for (const lang of ['de', 'fr', 'es']) expect((await lines(lang)).join('\n')).not.toMatch(/\b(?:major|minor|cosmetic) changes?\b|\bgood news\b/i);
  });

  it('finds nothing between a file and itself', async () => {
    const json = DiffOutput.parse(JSON.parse((await run(['diff', 'policy-v2.html', 'policy-v2.html', '--json'])).stdout));
    expect(json.findings).toEqual([]);
    expect(json.changes).toBe(0);
    const human = await run(['diff', 'policy-v2.html', 'policy-v2.html']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('No change in the policy text.');
  });

  it('notes, but still compares, a page the detector does not recognise', async () => {
    const r = await run(['diff', 'not-a-policy.html', 'policy-v2.html', '--json']);
    expect(r.code).toBe(0);
    const out = DiffOutput.parse(JSON.parse(r.stdout));
    expect(out.notes.join(' ')).toMatch(/older \(not-a-policy\.html\).*compared anyway/);
  });
});

describe('clausewatch detect', () => {
  it('recognises a policy page and says what it states about sharing and AI training', async () => {
    const r = await run(['detect', 'policy-v1.html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a privacy policy');
    expect(r.stdout).toContain('Stated date: 2024-03-03');
    expect(r.stdout).toMatch(/Sharing with third parties:\n\s+limits: “We do not sell your personal information\.”/);
    expect(r.stdout).toMatch(/AI training:\n\s+nothing found/);
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('says the same, byte for byte, every time it reads the same page (no timing in its notes)', async () => {
    const first = await run(['detect', 'policy-v1.html', '--json']);
    // Work in between, so a clock read anywhere would differ.
    await run(['diff', 'policy-v1.html', 'policy-v2.html']);
    const second = await run(['detect', 'policy-v1.html', '--json']);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).not.toMatch(/\d ms\b/);
  });

  it('--json matches the schema; scripts in the page never run', async () => {
    const r = await run(['detect', 'policy-v2.html', '--json', '--url', 'https://examplo.test/legal/privacy']);
    expect(r.code).toBe(0);
    const out = DetectOutput.parse(JSON.parse(r.stdout));
    expect(out).toMatchObject({ kind: 'privacy-policy', language: 'en', format: 'html', url: 'https://examplo.test/legal/privacy' });
    expect(out.confidence).toBeGreaterThan(0.5);
    expect(out.reasons.length).toBeGreaterThan(0);
    expect(out.document).toMatchObject({ title: 'Privacy Policy | Examplo', statedDate: '2024-09-15' });
    expect(out.document?.words).toBeGreaterThan(200);
    expect(out.statements?.some((s) => s.category === 'ai-training' && s.sentence.includes('train our artificial intelligence'))).toBe(true);
  });

  it('says a non-policy page is not one, without a document', async () => {
    const r = await run(['detect', 'not-a-policy.html', '--json']);
    const out = DetectOutput.parse(JSON.parse(r.stdout));
    expect(r.code).toBe(0);
    expect(out.kind).toBe('other');
    expect(out.document).toBeUndefined();
    expect((await run(['detect', 'not-a-policy.html'])).stdout).toContain('not a privacy policy');
  });

  it('reads a saved page in the legacy charset it declares (windows-1252)', async () => {
    const r = await run(['detect', 'policy-v1-cp1252.html', '--json']);
    expect(r.code).toBe(0);
    expect(DetectOutput.parse(JSON.parse(r.stdout))).toMatchObject({ kind: 'privacy-policy', document: { statedDate: '2024-03-03' } });
  });

  it('reads a page saved without an extension as HTML behind a banner comment longer than a KB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-sniff-'));
    try {
      const banner = `<!--\n${'  a licence or a banner above the doctype, as some sites have\n'.repeat(30)}-->\n`;
      writeFileSync(join(dir, 'privacy'), banner + readFileSync(join(FIXTURES, 'policy-v1.html'), 'utf8'));
      const out = DetectOutput.parse(JSON.parse((await run(['detect', 'privacy', '--json'], { cwd: dir })).stdout));
      const named = DetectOutput.parse(JSON.parse((await run(['detect', 'policy-v1.html', '--json'])).stdout));
      expect(out).toMatchObject({ format: 'html', kind: 'privacy-policy', document: { title: 'Privacy Policy | Examplo', blocks: named.document?.blocks } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['policy-v1.md', 'markdown', 'Privacy Policy'],
    ['policy-v1.txt', 'text', ''],
  ])('runs the same detector on %s through a page built from the text', async (file, format, title) => {
    const out = DetectOutput.parse(JSON.parse((await run(['detect', file, '--json'])).stdout));
    expect(out.format).toBe(format);
    expect(out.kind).toBe('privacy-policy');
    expect(out.reasons[0]).toContain(`input is ${format}`);
    expect(out.document).toMatchObject({ title, method: 'markdown', statedDate: '2024-03-03' });
  });
});

describe('usage', () => {
  it.each([
    [[] as string[], /missing command/],
    [['compare', 'a', 'b'], /unknown command 'compare'/],
    [['diff', 'policy-v1.html', 'policy-v2.html', '--colour'], /unknown option '--colour'/],
    [['diff', 'policy-v1.html'], /diff needs two files/],
    [['detect', 'policy-v1.html', 'policy-v2.html'], /detect takes one FILE/],
    [['detect', 'policy-v1.html', '--url'], /--url needs a value/],
    [['detect', 'policy-v1.html', '--url', 'http://exa mple.com/'], /invalid --url/],
    [['detect', 'policy-v1.html', '--url', 'ftp://example.com/privacy'], /only http, https and file/],
    [['diff', '--batch', 'pairs.jsonl', 'extra.html'], /unexpected 'extra.html'/],
    [['diff', '--batch', 'pairs.jsonl', '--url', 'https://a.test/'], /--url cannot be used with --batch/],
    [['detect', 'policy-v1.html', '--url', '-'], /invalid --url '-': '-' is not a host name/],
    [['help', 'diff', 'verify'], /help takes one command name; unexpected 'verify'/],
  ])('%j is a usage error: exit 2, one message, no stack', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^clausewatch: error: [^\n]+\nRun 'clausewatch --help' for usage\.\n$/);
  });

  it('--help and --version succeed', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('clausewatch diff OLDER NEWER');
    expect((await run(['diff', '--help'])).code).toBe(0);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect((await run(['--version'])).stdout).toBe(`clausewatch ${pkg.version}\n`);
  });
});

describe('bad input', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'clausewatch-cli-'));
    mkdirSync(join(dir, 'folder.html'));
    writeFileSync(join(dir, 'empty.html'), '');
    writeFileSync(join(dir, 'blank.md'), '  \n\n\t\n');
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Politique de confidentialit\xe9 : donn\xe9es', 'latin1'));
    // Valid UTF-8 for the first 60 KB (more than is sniffed), then one byte that is not.
    const policy = readFileSync(join(FIXTURES, 'policy-v1.html'));
    const padding = Buffer.from(`<!-- ${'padding '.repeat(8000)}-->\n`);
    writeFileSync(join(dir, 'late-bad-byte.html'), Buffer.concat([padding, policy.subarray(0, policy.length - 20), Buffer.from([0xff]), policy.subarray(policy.length - 20)]));
    let state = 7;
    const noise = Buffer.alloc(30_000).map(() => 1 + ((state = (state * 1103515245 + 12345) >>> 0) >>> 16) % 255);
    writeFileSync(join(dir, 'utf16-binary.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), noise]));
    // 4,000 nested divs: jsdom's teardown overflowed the stack (exit 3); 1,000 took Readability 17 s.
    const nested = (n: number) => `<!doctype html><title>Privacy Policy</title><body><h1>Privacy Policy</h1>${'<div>'.repeat(n)}<p>We collect data.</p>${'</div>'.repeat(n)}</body>`;
    writeFileSync(join(dir, 'nested-4000.html'), nested(4000));
    writeFileSync(join(dir, 'nested-1000.html'), nested(1000));
    // One <div> of 100,000 attributes (1.1 MB): jsdom's parser took a minute over its tag.
    const attributes = Array.from({ length: 100_000 }, (_, i) => `a${i}=1`).join(' ');
    writeFileSync(join(dir, 'attributes.html'), `<!doctype html><title>Privacy Policy</title><body><h1>Privacy Policy</h1><div ${attributes}><p>We collect data.</p></div></body>`);
    // Sparse: the size check must refuse it before reading a byte.
    writeFileSync(join(dir, 'huge.html'), '');
    truncateSync(join(dir, 'huge.html'), 21 * 1024 * 1024);
    // 40 KB over the limit: "20.0 MB; the limit is 20.0 MB" before.
    writeFileSync(join(dir, 'just-over.md'), '# Privacy Policy\n');
    truncateSync(join(dir, 'just-over.md'), 20 * 1024 * 1024 + 40 * 1024);
    // A page declaring UTF-16 (read as UTF-8, as browsers do) with one Latin-1 byte: it was decoded as UTF-16.
    const page = readFileSync(join(FIXTURES, 'policy-v1.html'), 'latin1');
    writeFileSync(join(dir, 'utf16-meta.html'), page.replace('<meta charset="utf-8">', '<meta charset="utf-16">').replace('Last updated', 'Caf\xe9. Last updated'), 'latin1');
    // UTF-8 with a byte-order mark under a stale windows-1252 declaration, and one stray Latin-1 byte: it was
    // read as windows-1252, every accent turned to mojibake.
    const bomPage = Buffer.from(page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace('Privacy Policy | Examplo', 'Confidentialité | Examplo'), 'utf8');
    writeFileSync(join(dir, 'bom-stale.html'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bomPage, Buffer.from([0x20, 0xe9])]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['missing.html', /missing\.html: no such file/],
    ['folder.html', /is a directory/],
    ['empty.html', /file is empty/],
    ['blank.md', /file is empty \(only whitespace\)/],
    ['image.png', /binary file/],
    ['latin1.txt', /latin1\.txt: is not valid UTF-8: byte 27 \(0xe9\).*convert the file to UTF-8/],
    ['late-bad-byte.html', /late-bad-byte\.html: is not valid UTF-8: byte \d{5} \(0xff\)/],
    ['utf16-binary.txt', /utf16-binary\.txt: .*UTF-16/],
    ['nested-4000.html', /nested-4000\.html: the page is nested too deeply to extract \(about 4,000 levels; the limit is 256\)/],
    ['nested-1000.html', /nested-1000\.html: the page is nested too deeply to extract/],
    ['attributes.html', /attributes\.html: the page has a tag with too many attributes to extract \(100,000 in one tag; the limit is 1,000\)/],
    ['huge.html', /too large \(21\.0 MB; the limit is 20\.0 MB\)/],
    ['just-over.md', /too large \(20\.1 MB; the limit is 20\.0 MB\)/],
    ['utf16-meta.html', /utf16-meta\.html: is not valid UTF-8: byte \d+ \(0xe9\) .*declares charset "utf-16"/],
    ['bom-stale.html', /bom-stale\.html: is not valid UTF-8: byte \d+ \(0xe9\) .*byte-order mark/],
  ])('%s: exit 1, one line on stderr, no stack trace', async (file, message) => {
    for (const argv of [
      ['detect', file],
      ['diff', join(FIXTURES, 'policy-v1.html'), file, '--json'],
    ]) {
      const r = await run(argv, { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/^clausewatch: error: [^\n]+\n$/);
    }
  });

  it('refuses a stream past the size limit once it has read that much, and an empty stream', async () => {
    for (const argv of [['detect', '/dev/zero'], ['diff', 'policy-v1.md', '/dev/zero']]) {
      const r = await run(argv, { maxInputBytes: 1_000_000 });
      expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'clausewatch: error: /dev/zero: file is too large (more than 976 KB, where reading stopped; the limit is 976 KB)\n' });
    }
    expect(await run(['detect', '/dev/null'])).toMatchObject({ code: 1, stdout: '', stderr: 'clausewatch: error: /dev/null: file is empty\n' });
  });

  it('honours a smaller injected size limit', async () => {
    const r = await run(['detect', 'policy-v1.html'], { maxInputBytes: 1000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/too large \(\d+ KB; the limit is 1000 bytes\)/);
  });

  it('reads UTF-8 behind a byte-order mark as UTF-8, whatever charset the page declares', async () => {
    const bom = readFileSync(join(dir, 'bom-stale.html'));
    writeFileSync(join(dir, 'bom-clean.html'), bom.subarray(0, bom.length - 2));
    const r = await run(['detect', 'bom-clean.html', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(DetectOutput.parse(JSON.parse(r.stdout)).document?.title).toBe('Confidentialité | Examplo');
  });
});

describe('hostile inputs finish or are refused', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'clausewatch-hostile-'));
    writeFileSync(join(dir, 'brackets.md'), `# Privacy Policy\n\n${'['.repeat(200_000)}\n`);
    const sentence = 'We share your personal information with our service providers to run the service. ';
    writeFileSync(join(dir, 'paragraph.md'), `# Privacy Policy\n\n${sentence.repeat(Math.ceil(5_000_000 / sentence.length))}\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('detects and diffs 200 KB of "[" (27 s of Markdown parsing before)', async () => {
    const started = performance.now();
    expect((await run(['detect', 'brackets.md', '--json'], { cwd: dir })).code).toBe(0);
    expect((await run(['diff', 'brackets.md', 'brackets.md', '--json'], { cwd: dir })).code).toBe(0);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('detects a policy that is one 5 MB paragraph (over 300 s of sentence splitting before)', async () => {
    const started = performance.now();
    const r = await run(['detect', 'paragraph.md', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(DetectOutput.parse(JSON.parse(r.stdout)).kind).toBe('privacy-policy');
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});
