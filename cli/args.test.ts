import { describe, expect, it } from 'vitest';
import { parseArgs, parsePageUrl, UsageError } from './args';

describe('parseArgs', () => {
  it.each([
    [['detect', 'a.html'], { name: 'detect', file: 'a.html', json: false }],
    [['detect', '--json', 'a.html', '--url', 'https://x.test/p'], { name: 'detect', file: 'a.html', json: true, url: 'https://x.test/p' }],
    [['detect', 'a.html', '--url=https://x.test/p'], { name: 'detect', file: 'a.html', url: 'https://x.test/p' }],
    [['diff', 'a.md', 'b.md', '--no-color'], { name: 'diff', older: 'a.md', newer: 'b.md', color: false }],
    [['diff', '--', '--odd-name.md', 'b.md'], { name: 'diff', older: '--odd-name.md', newer: 'b.md' }],
    [['diff', '--batch', 'p.jsonl'], { name: 'diff', batch: 'p.jsonl', json: true }],
    [['detect', '--batch=p.jsonl', '--json'], { name: 'detect', batch: 'p.jsonl', json: true }],
    [['--help'], { name: 'help' }],
    [['help'], { name: 'help' }],
    [['diff', '-h'], { name: 'help', topic: 'diff' }],
    [['-V'], { name: 'version' }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toMatchObject(expected);
  });

  it.each([
    [['detect', '--json=yes', 'a.html'], /--json takes no value/],
    [['detect', 'a.html', '--url='], /--url needs a value/],
    [['detect', 'a.html', '--url', '--json'], /--url needs a value/],
    [['detect', 'a.html', '--url', 'a', '--url', 'b'], /--url given twice/],
    [['diff', '-x', 'a', 'b'], /unknown option '-x'/],
    [['detect', '--batch', 'p.jsonl', 'a.html'], /unexpected 'a\.html'/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('parsePageUrl', () => {
  it.each([
    ['https://example.com/privacy', 'https://example.com/privacy'],
    ['example.com/legal/privacy?x=1', 'https://example.com/legal/privacy?x=1'],
    ['localhost:8080/privacy', 'https://localhost:8080/privacy'],
    ['file:///tmp/p.html', 'file:///tmp/p.html'],
  ])('%s → %s', (raw, href) => {
    expect(parsePageUrl(raw)).toBe(href);
  });

  it.each(['', '   ', 'http://exa mple.com', 'https://', 'mailto:privacy@example.com', 'javascript:alert(1)'])('rejects %j', (raw) => {
    expect(() => parsePageUrl(raw)).toThrow(UsageError);
  });
});
