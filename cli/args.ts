/**
 * Command-line argument parsing, by hand: two commands and a handful of flags do not justify a
 * dependency, and a hand parser lets every mistake get a message that names the fix.
 */

export class UsageError extends Error {}

export type Command =
  | { name: 'help'; topic?: 'detect' | 'diff' }
  | { name: 'version' }
  | { name: 'detect'; file?: string; batch?: string; url?: string; json: boolean; color?: boolean }
  | { name: 'diff'; older?: string; newer?: string; batch?: string; url?: string; json: boolean; color?: boolean };

const COMMANDS = ['detect', 'diff'] as const;

export const USAGE = `Usage:
  clausewatch detect FILE [--url URL] [--json]
  clausewatch diff OLDER NEWER [--url URL] [--json]
  clausewatch detect --batch PAGES.jsonl
  clausewatch diff --batch PAIRS.jsonl
  clausewatch --help | --version

Files may be HTML (a saved page: detected and extracted as in the browser, with --url as its address)
or Markdown / plain text (already-extracted policy text; Markdown headings become sections).

Options:
  --url URL        the page's address (default: the file's file:// URL); used for detection
  --json           print one JSON document (schema: lib/cli-output.ts) instead of text
  --batch FILE     read one JSON object per line and print one JSON result per line:
                     detect: {"id", "file", "url"?}    diff: {"id", "older", "newer", "url"?}
                   paths are relative to the JSONL file's folder
  --no-color       never colour the output (also: NO_COLOR=1); colour is only used on a terminal
  -h, --help       show this help
  -V, --version    show the version

Exit status: 0 success; 1 an input could not be read or used (in batch mode: at least one line
failed, the others were still processed); 2 usage error; 3 internal error.`;

function isOption(a: string): boolean {
  return a.startsWith('-') && a !== '-';
}

export function parseArgs(argv: readonly string[]): Command {
  const positional: string[] = [];
  let command: 'detect' | 'diff' | undefined;
  let url: string | undefined;
  let batch: string | undefined;
  let json = false;
  let color: boolean | undefined;
  let help = false;
  let version = false;
  let onlyPositional = false;

  const valueOf = (name: string, inline: string | undefined, i: number): [string, number] => {
    if (inline !== undefined) {
      if (!inline) throw new UsageError(`${name} needs a value`);
      return [inline, i];
    }
    const next = argv[i + 1];
    if (next === undefined || isOption(next)) throw new UsageError(`${name} needs a value`);
    return [next, i + 1];
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (onlyPositional || !isOption(arg)) {
      if (!command && positional.length === 0 && !onlyPositional) {
        if ((COMMANDS as readonly string[]).includes(arg)) {
          command = arg as 'detect' | 'diff';
          continue;
        }
        if (arg === 'help') {
          help = true;
          continue;
        }
        throw new UsageError(`unknown command '${arg}' (expected 'detect' or 'diff')`);
      }
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const inline = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined;
    const flag = (): void => {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
    };
    switch (name) {
      case '-h':
      case '--help':
        flag();
        help = true;
        break;
      case '-V':
      case '--version':
        flag();
        version = true;
        break;
      case '--json':
        flag();
        json = true;
        break;
      case '--no-color':
        flag();
        color = false;
        break;
      case '--url': {
        if (url !== undefined) throw new UsageError('--url given twice');
        [url, i] = valueOf(name, inline, i);
        break;
      }
      case '--batch': {
        if (batch !== undefined) throw new UsageError('--batch given twice');
        [batch, i] = valueOf(name, inline, i);
        break;
      }
      default:
        throw new UsageError(`unknown option '${name}'`);
    }
  }

  if (help) return command ? { name: 'help', topic: command } : { name: 'help' };
  if (version) return { name: 'version' };
  if (!command) throw new UsageError('missing command (detect or diff)');

  if (batch !== undefined) {
    if (positional.length) throw new UsageError(`--batch reads its files from the JSONL; unexpected '${positional[0]}'`);
    if (url !== undefined) throw new UsageError('--url cannot be used with --batch; put "url" on each line instead');
    return command === 'detect'
      ? { name: 'detect', batch, json: true, color }
      : { name: 'diff', batch, json: true, color };
  }
  if (command === 'detect') {
    if (positional.length === 0) throw new UsageError('detect needs a FILE');
    if (positional.length > 1) throw new UsageError(`detect takes one FILE; unexpected '${positional[1]}'`);
    return { name: 'detect', file: positional[0], url, json, color };
  }
  if (positional.length < 2) throw new UsageError('diff needs two files: OLDER NEWER');
  if (positional.length > 2) throw new UsageError(`diff takes two files; unexpected '${positional[2]}'`);
  return { name: 'diff', older: positional[0], newer: positional[1], url, json, color };
}

/**
 * The page address as the detector will see it. Scheme-less addresses ("example.com/privacy") are
 * read as https, because that is how people copy them from a browser's address bar.
 */
export function parsePageUrl(raw: string): string {
  const u = raw.trim();
  if (!u) throw new UsageError('--url is empty');
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(u) && !/^[^:/]+:\d+(?:\/|$)/.test(u) ? u : `https://${u.replace(/^\/+/, '')}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new UsageError(`invalid --url '${raw}' (expected an address like https://example.com/privacy)`);
  }
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) {
    throw new UsageError(`invalid --url '${raw}': only http, https and file addresses are supported`);
  }
  if (parsed.protocol !== 'file:' && !parsed.hostname) throw new UsageError(`invalid --url '${raw}': no host name`);
  return parsed.href;
}
