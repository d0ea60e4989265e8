import { describe, expect, it } from 'vitest';
import { parseCommandLine, parsePageUrl, usage, UsageError, type CommandSyntax } from './args';
import { COMMANDS } from './commands';

const parse = (argv: string[]) => parseCommandLine(argv, COMMANDS);

describe('parseCommandLine', () => {
  it.each([
    [['detect', 'a.html'], { kind: 'run', command: 'detect', operands: ['a.html'], json: false }],
    [['detect', '--json', 'a.html', '--url', 'https://x.test/p'], { command: 'detect', operands: ['a.html'], json: true, url: 'https://x.test/p' }],
    [['detect', 'a.html', '--url=https://x.test/p'], { command: 'detect', operands: ['a.html'], url: 'https://x.test/p' }],
    [['--json', 'detect', 'a.html'], { command: 'detect', operands: ['a.html'], json: true }],
    [['diff', 'a.md', 'b.md', '--no-color'], { command: 'diff', operands: ['a.md', 'b.md'], color: false }],
    [['diff', '--', '--odd-name.md', 'b.md'], { command: 'diff', operands: ['--odd-name.md', 'b.md'] }],
    [['detect', '-'], { command: 'detect', operands: ['-'] }],
    [['diff', '--batch', 'p.jsonl'], { command: 'diff', batch: 'p.jsonl', operands: [], json: true }],
    [['detect', '--batch=p.jsonl', '--json'], { command: 'detect', batch: 'p.jsonl', json: true }],
    [['--help'], { kind: 'help' }],
    [['help'], { kind: 'help' }],
    [['help', 'diff'], { kind: 'help', topic: 'diff' }],
    [['diff', '-h'], { kind: 'help', topic: 'diff' }],
    [['detect', 'a', 'b', '--help'], { kind: 'help', topic: 'detect' }],
    [['-V'], { kind: 'version' }],
    [['-hV'], { kind: 'help' }],
  ])('%j', (argv, expected) => {
    expect(parse(argv)).toMatchObject(expected);
  });

  it('leaves url and color out unless given', () => {
    expect(parse(['detect', 'a.html'])).toStrictEqual({ kind: 'run', command: 'detect', operands: ['a.html'], json: false });
  });

  it.each([
    [[], /^missing command \(detect, diff or verify\)$/],
    [['compare', 'a'], /^unknown command 'compare' \(expected 'detect', 'diff' or 'verify'\)$/],
    [['detect', '--json=yes', 'a.html'], /^--json takes no value$/],
    [['detect', 'a.html', '--no-color=1'], /^--no-color takes no value$/],
    [['detect', 'a.html', '--url='], /^--url needs a value$/],
    [['detect', 'a.html', '--url'], /^--url needs a value$/],
    [['detect', 'a.html', '--url', '--json'], /^--url needs a value$/],
    [['detect', 'a.html', '--url', '--'], /^--url needs a value$/],
    [['detect', '--batch'], /^--batch needs a value$/],
    [['detect', 'a.html', '--url', 'a', '--url', 'b'], /^--url given twice$/],
    [['diff', '-x', 'a', 'b'], /^unknown option '-x'$/],
    [['diff', 'a', 'b', '--colour'], /^unknown option '--colour'$/],
    [['diff', 'a', 'b', '--colour=always'], /^unknown option '--colour'$/],
    [['detect'], /^detect needs a FILE$/],
    [['detect', 'a', 'b'], /^detect takes one FILE; unexpected 'b'$/],
    [['diff', 'a'], /^diff needs two files: OLDER NEWER$/],
    [['diff', 'a', 'b', 'c'], /^diff takes two files; unexpected 'c'$/],
    [['detect', '--batch', 'p.jsonl', 'a.html'], /^--batch reads its files from the JSONL; unexpected 'a\.html'$/],
    [['diff', '--batch', 'p.jsonl', '--url', 'https://a.test/'], /^--url cannot be used with --batch; put "url" on each line instead$/],
    [['help', 'compare'], /^no help on 'compare' \(commands: 'detect', 'diff' or 'verify'\)$/],
    [['help', 'diff', 'verify'], /^help takes one command name; unexpected 'verify'$/],
    [['help', 'diff', '--', 'x'], /^help takes one command name; unexpected 'x'$/],
    [['verify'], /^verify needs a FILE$/],
    [['verify', 'x.warc', '--json'], /^--json does not apply to verify$/],
    [['diff', 'a', 'b', '--lang', 'pt'], /^--lang must be en, de, fr or es, not 'pt'$/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(message);
  });
});

describe('the command table', () => {
  // A command added to the table gets parsing, messages and help from its entry alone.
  const archive: CommandSyntax = { name: 'archive', summary: 'check a capture', operands: ['FILE'], options: ['json'] };
  const table = [...COMMANDS, archive];

  it('parses a new entry and names it in messages and help', () => {
    expect(parseCommandLine(['archive', 'x.warc', '--json'], table)).toMatchObject({ command: 'archive', operands: ['x.warc'], json: true });
    expect(() => parseCommandLine(['archive'], table)).toThrow(/^archive needs a FILE$/);
    expect(() => parseCommandLine(['archive', 'x.warc', '--url', 'a.test'], table)).toThrow(/^--url does not apply to archive$/);
    expect(() => parseCommandLine(['archive', '--batch', 'x.jsonl'], table)).toThrow(/^--batch does not apply to archive$/);
    expect(() => parseCommandLine(['check'], table)).toThrow(/^unknown command 'check' \(expected 'detect', 'diff', 'verify' or 'archive'\)$/);
    expect(usage(table)).toContain('clausewatch archive FILE [--json]\n');
    expect(usage(table)).toMatch(/\n {2}archive {3}check a capture\n/);
  });

  it("one command's help shows only its forms and options", () => {
    const help = usage(table, 'archive');
    expect(help).toContain('clausewatch archive FILE [--json]');
    expect(help).not.toContain('clausewatch diff');
    expect(help).not.toContain('--url');
    expect(help).not.toContain('--batch');
  });

  it('the full help lists every form, option and batch line shape', () => {
    const help = usage(COMMANDS);
    for (const form of [
      'clausewatch detect FILE [--url URL] [--json]',
      'clausewatch diff OLDER NEWER [--url URL] [--json]',
      'clausewatch detect --batch PAGES.jsonl',
      'clausewatch diff --batch PAIRS.jsonl',
      'clausewatch --help | --version',
      '--no-color',
      'detect:  {"id", "file", "url"?}',
      'diff:    {"id", "older", "newer", "url"?}',
      'Exit status: 0 success',
      '4 the output could not be written',
    ]) {
      expect(help).toContain(form);
    }
  });
});

describe('parsePageUrl', () => {
  it.each([
    ['https://example.com/privacy', 'https://example.com/privacy'],
    ['example.com/legal/privacy?x=1', 'https://example.com/legal/privacy?x=1'],
    ['localhost:8080/privacy', 'https://localhost:8080/privacy'],
    ['file:///tmp/p.html', 'file:///tmp/p.html'],
    ['my_host.example/p', 'https://my_host.example/p'],
    ['http://[::1]:8080/p', 'http://[::1]:8080/p'],
    ['https://Exämple.com./', 'https://xn--exmple-cua.com./'],
  ])('%s → %s', (raw, href) => {
    expect(parsePageUrl(raw)).toBe(href);
  });

  it.each(['', '   ', 'http://exa mple.com', 'https://', 'mailto:privacy@example.com', 'javascript:alert(1)'])('rejects %j', (raw) => {
    expect(() => parsePageUrl(raw)).toThrow(UsageError);
  });

  // The URL parser takes each of these as a host ("-" became https://-/).
  it.each(['-', '.', '_', 'https://-/', 'a..b/privacy', '-example.com', 'example-.com', 'https://_./'])('rejects %j: not a host name', (raw) => {
    expect(() => parsePageUrl(raw)).toThrow(/^invalid --url '.*': '.*' is not a host name$/);
  });
});
