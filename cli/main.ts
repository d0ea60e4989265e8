/**
 * `clausewatch`: the extension's engine on the command line, for researchers, journalists and scripts.
 * I/O is injected so the tests run the real program in-process; `bin/clausewatch.mjs` wires it to the
 * process. Exit status: 0 ok, 1 input error (batch: some line failed), 2 usage error, 3 internal error.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs, parsePageUrl, UsageError, USAGE, type Command } from './args';
import { runDetect, runDiff } from './analyze';
import { runBatch } from './batch';
import { colorStyle, formatDetect, formatDiff, plainStyle } from './format';
import { DEFAULT_MAX_INPUT_BYTES, InputError, readInputFile } from './input';

export interface Output {
  write(chunk: string): unknown;
}

export interface CliIO {
  stdout: Output;
  stderr: Output;
  /** Whether stdout is a terminal: colour is used only then. */
  isTTY: boolean;
  /** Folder relative paths are resolved against; the process's working directory by default. */
  cwd?: string;
  /** Environment (NO_COLOR, CLAUSEWATCH_DEBUG, COLUMNS); the process's by default. */
  env?: Record<string, string | undefined>;
  /** Terminal width for wrapping human output. */
  columns?: number;
  clock?: () => number;
  /** Size limit per input file, in bytes. */
  maxInputBytes?: number;
}

export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

export function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

function pageUrl(explicit: string | undefined, fileUrl: string): string {
  return explicit === undefined ? fileUrl : parsePageUrl(explicit);
}

async function execute(cmd: Command, io: CliIO, cwd: string, env: Record<string, string | undefined>): Promise<number> {
  if (cmd.name === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (cmd.name === 'version') {
    io.stdout.write(`clausewatch ${version()}\n`);
    return EXIT.ok;
  }
  const clock = io.clock ?? (() => performance.now());
  const maxBytes = io.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  if (cmd.batch !== undefined) return runBatch(cmd.name, cmd.batch, { cwd, out: io.stdout, clock, maxBytes });

  // Validate the address before reading anything: a usage error should not wait for a 20 MB file.
  if (cmd.url !== undefined) parsePageUrl(cmd.url);
  const colour = io.isTTY && cmd.color !== false && !env['NO_COLOR'];
  const style = colour ? colorStyle : plainStyle;
  const width = Math.max(40, Math.min(120, io.columns ?? (Number(env['COLUMNS']) || 100)));

  if (cmd.name === 'detect') {
    const input = readInputFile(cmd.file ?? '', cwd, maxBytes);
    const out = runDetect(input, pageUrl(cmd.url, input.fileUrl), { clock });
    io.stdout.write(cmd.json ? `${JSON.stringify(out, null, 2)}\n` : formatDetect(out, style, width));
    return EXIT.ok;
  }
  const older = readInputFile(cmd.older ?? '', cwd, maxBytes);
  const newer = readInputFile(cmd.newer ?? '', cwd, maxBytes);
  // One --url names the page both versions were saved from.
  const out = runDiff(older, newer, { older: pageUrl(cmd.url, older.fileUrl), newer: pageUrl(cmd.url, newer.fileUrl) }, { clock });
  io.stdout.write(cmd.json ? `${JSON.stringify(out, null, 2)}\n` : formatDiff(out, style, width));
  return EXIT.ok;
}

/** Runs the tool with the user's arguments (without node and the script path); resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? process.cwd();
  const fail = (code: number, message: string): number => {
    io.stderr.write(`clausewatch: error: ${message}\n`);
    return code;
  };
  try {
    return await execute(parseArgs(argv), io, cwd, env);
  } catch (e) {
    if (e instanceof UsageError) {
      fail(EXIT.usage, e.message);
      io.stderr.write(`Run 'clausewatch --help' for usage.\n`);
      return EXIT.usage;
    }
    if (e instanceof InputError) return fail(EXIT.input, e.message);
    const debug = env['CLAUSEWATCH_DEBUG'] === '1';
    const message = e instanceof Error ? e.message : String(e);
    fail(EXIT.internal, `internal error: ${message}${debug ? '' : ' (set CLAUSEWATCH_DEBUG=1 for details)'}`);
    if (debug && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return EXIT.internal;
  }
}

/** Wires main() to the real process; used by bin/clausewatch.mjs and `npm run cli`. */
export async function runAsProcess(): Promise<void> {
  // `clausewatch ... | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
  });
  process.exitCode = code;
}

const launchedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (launchedDirectly) void runAsProcess();
