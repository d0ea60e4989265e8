/**
 * Command-line parsing on Node's own `util.parseArgs`, driven by the command table (cli/commands.ts).
 * `parseArgs` does the tokenising (`--url=x` and `--url x`, `-hV` groups, `--` ending the options); it
 * runs non-strict and hands back tokens, and the checks below turn every mistake into a message that
 * names the fix (Node's strict messages name its own API, "To specify a positional argument starting
 * with a '-', place it at the end of the command after '--'", and would not know `--batch` rules).
 *
 * This module and the table load no engine code: `--help`, `--version` and usage errors stay fast.
 */
import type { CommandArgs } from './commands';
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

/** The options a command may accept; `--help` and `--version` are accepted everywhere. */
export type CommandOption = 'url' | 'json' | 'batch' | 'lang' | 'no-color';

/** What cli/commands.ts declares per command; the parser, the usage text and the dispatch all read it. */
export interface CommandSyntax {
  name: string;
  /** One line in the overview. */
  summary: string;
  /** Operand names, in order; all required (`FILE`, or `OLDER`, `NEWER`). */
  operands: readonly string[];
  options: readonly CommandOption[];
  /** With 'batch' among the options: the JSONL file's placeholder and the shape of one line. */
  batch?: { file: string; line: string };
  /** A paragraph for the help text (commands that share one give the same string: it is shown once). */
  notes?: string;
}

/** A parsed command line. */
export type Invocation =
  | { kind: 'help'; topic?: string }
  | { kind: 'version' }
  | (CommandArgs & {
      kind: 'run';
      /** false with --no-color; undefined otherwise (the terminal and NO_COLOR decide). */
      color?: false;
    });

const OPTION_HELP: Record<CommandOption | 'help' | 'version', { flag: string; help: string }> = {
  url: { flag: '--url URL', help: "the page's address (default: the file's file:// URL); used for detection" },
  json: { flag: '--json', help: 'print one JSON document instead of text (its fields: README, "JSON output")' },
  batch: { flag: '--batch FILE', help: 'read one JSON object per line (from standard input with -) and print one JSON result per line' },
  lang: { flag: '--lang LANG', help: 'write headlines, summaries and category names in en (default), de, fr or es' },
  'no-color': { flag: '--no-color', help: 'never colour the output (also: NO_COLOR=1); colour is only used on a terminal' },
  help: { flag: '-h, --help', help: 'show this help' },
  version: { flag: '-V, --version', help: 'show the version' },
};

const PARSE_OPTIONS = {
  url: { type: 'string' },
  batch: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

const STRING_OPTIONS: ReadonlySet<string> = new Set(['url', 'batch', 'lang']);

/** The languages the explanations are written in (lib/core/explain). */
export const LANGS = ['en', 'de', 'fr', 'es'] as const;

const COUNT = ['no', 'one', 'two', 'three', 'four'];

/** "a, b or c" */
function orList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? '');
}

const quoteList = (names: readonly string[]): string => orList(names.map((n) => `'${n}'`));

function placeholders(spec: CommandSyntax): string {
  const opts = spec.options.filter((o) => o === 'url' || o === 'json').map((o) => `[${OPTION_HELP[o].flag}]`);
  return [spec.name, ...spec.operands, ...opts].join(' ');
}

const EXIT_STATUS = `Exit status: 0 success; 1 an input could not be read or used (in batch mode: at least one line
failed, the others were still processed); 2 usage error; 3 internal error; 4 the output could not be written.`;

function optionLines(names: readonly (CommandOption | 'help' | 'version')[], batchLines: string[]): string[] {
  const lines: string[] = [];
  for (const name of names) {
    const { flag, help } = OPTION_HELP[name];
    lines.push(`  ${flag.padEnd(16)} ${help}`);
    if (name === 'batch') {
      lines.push(...batchLines.map((l) => `${' '.repeat(21)}${l}`));
      lines.push(`${' '.repeat(19)}paths are relative to the JSONL file's folder`);
    }
  }
  return lines;
}

function batchShapes(commands: readonly CommandSyntax[]): string[] {
  return commands.filter((c) => c.batch).map((c) => `${`${c.name}:`.padEnd(8)} ${c.batch?.line ?? ''}`);
}

/** The whole help text (`clausewatch --help`), or one command's (`clausewatch diff --help`). */
export function usage(commands: readonly CommandSyntax[], topic?: string): string {
  const shown = topic === undefined ? commands : commands.filter((c) => c.name === topic);
  const forms = [
    ...shown.map((c) => `  clausewatch ${placeholders(c)}`),
    ...shown.filter((c) => c.batch).map((c) => `  clausewatch ${c.name} --batch ${c.batch?.file ?? 'FILE.jsonl'}`),
  ];
  if (topic === undefined) forms.push('  clausewatch --help | --version');
  const width = Math.max(...commands.map((c) => c.name.length)) + 3;
  const summaries = shown.map((c) => `  ${c.name.padEnd(width)}${c.summary}`);
  const options: (CommandOption | 'help' | 'version')[] = [];
  for (const o of ['url', 'json', 'batch', 'lang', 'no-color'] as const) if (shown.some((c) => c.options.includes(o))) options.push(o);
  options.push('help');
  if (topic === undefined) options.push('version');
  return [
    'Usage:',
    ...forms,
    '',
    topic === undefined ? 'Commands:' : 'Command:',
    ...summaries,
    '',
    ...[...new Set(shown.flatMap((c) => (c.notes ? [c.notes] : [])))].flatMap((n) => [n, '']),
    'Options:',
    ...optionLines(options, batchShapes(shown)),
    '',
    EXIT_STATUS,
  ].join('\n');
}

/** `argv` without node and the script path → what to do, or a UsageError naming the mistake. */
export function parseCommandLine(argv: readonly string[], commands: readonly CommandSyntax[]): Invocation {
  const { tokens } = parseArgs({ args: [...argv], options: PARSE_OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const names = commands.map((c) => c.name);
  let spec: CommandSyntax | undefined;
  let helpCommand = false;
  let afterTerminator = false;
  const operands: string[] = [];
  const seen = new Map<string, string | true>();

  for (const token of tokens) {
    if (token.kind === 'option-terminator') {
      afterTerminator = true;
      continue;
    }
    if (token.kind === 'positional') {
      if (!spec && !helpCommand && !afterTerminator && operands.length === 0) {
        if (token.value === 'help') {
          helpCommand = true;
          continue;
        }
        spec = commands.find((c) => c.name === token.value);
        if (!spec) throw new UsageError(`unknown command '${token.value}' (expected ${quoteList(names)})`);
        continue;
      }
      operands.push(token.value);
      continue;
    }
    const { name, rawName } = token;
    if (!Object.hasOwn(PARSE_OPTIONS, name)) throw new UsageError(`unknown option '${rawName}'`);
    const display = `--${name}`;
    let value: string | true = true;
    if (STRING_OPTIONS.has(name)) {
      // Non-strict parseArgs takes the next argument whatever it is: `--url --json` is a missing URL.
      const v = token.value;
      if (v === undefined || v === '' || (!token.inlineValue && v.startsWith('-') && v !== '-')) {
        throw new UsageError(`${display} needs a value`);
      }
      value = v;
    } else if (token.value !== undefined) {
      throw new UsageError(`${display} takes no value`);
    }
    if (STRING_OPTIONS.has(name) && seen.has(name)) throw new UsageError(`${display} given twice`);
    seen.set(name, value);
  }

  if (helpCommand) {
    const topic = operands[0];
    if (topic !== undefined && !names.includes(topic)) throw new UsageError(`no help on '${topic}' (commands: ${quoteList(names)})`);
    if (operands.length > 1) throw new UsageError(`help takes one command name; unexpected '${operands[1]}'`);
    return topic === undefined ? { kind: 'help' } : { kind: 'help', topic };
  }
  if (seen.has('help')) return spec ? { kind: 'help', topic: spec.name } : { kind: 'help' };
  if (seen.has('version')) return { kind: 'version' };
  if (!spec) throw new UsageError(`missing command (${orList(names)})`);

  for (const name of seen.keys()) {
    if (name !== 'help' && name !== 'version' && !spec.options.includes(name as CommandOption)) {
      throw new UsageError(`--${name} does not apply to ${spec.name}`);
    }
  }
  const str = (name: string): string | undefined => {
    const v = seen.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const lang = str('lang');
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang.toLowerCase())) {
    throw new UsageError(`--lang must be ${orList([...LANGS])}, not '${lang}'`);
  }
  const base = {
    kind: 'run' as const,
    command: spec.name,
    json: seen.has('json'),
    ...(lang !== undefined ? { lang: lang.toLowerCase() } : {}),
    ...(seen.has('no-color') ? { color: false as const } : {}),
  };
  const batch = str('batch');
  if (batch !== undefined) {
    if (operands.length) throw new UsageError(`--batch reads its files from the JSONL; unexpected '${operands[0]}'`);
    if (seen.has('url')) throw new UsageError('--url cannot be used with --batch; put "url" on each line instead');
    return { ...base, operands: [], batch, json: true };
  }
  const want = spec.operands;
  if (operands.length < want.length) {
    throw new UsageError(want.length === 1 ? `${spec.name} needs a ${want[0]}` : `${spec.name} needs ${COUNT[want.length] ?? want.length} files: ${want.join(' ')}`);
  }
  if (operands.length > want.length) {
    const what = want.length === 1 ? `one ${want[0]}` : `${COUNT[want.length] ?? want.length} files`;
    throw new UsageError(`${spec.name} takes ${what}; unexpected '${operands[want.length]}'`);
  }
  const url = str('url');
  return { ...base, operands, ...(url !== undefined ? { url } : {}) };
}

/**
 * A host a page could be at: an IP address, or dot-separated labels of letters, digits, hyphens and
 * underscores that neither start nor end with a hyphen, with a letter or digit somewhere (the URL
 * parser has already lowered the case and turned other scripts into xn-- labels). The URL parser takes
 * "-" (`--url -`) or "a..b" as hosts; nobody means them.
 */
function plausibleHost(hostname: string): boolean {
  if (hostname.startsWith('[')) return true;
  const labels = hostname.endsWith('.') ? hostname.slice(0, -1).split('.') : hostname.split('.');
  return /[a-z0-9]/.test(hostname) && labels.every((l) => /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/.test(l));
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
  if (parsed.protocol !== 'file:' && !plausibleHost(parsed.hostname)) throw new UsageError(`invalid --url '${raw}': '${parsed.hostname}' is not a host name`);
  return parsed.href;
}
