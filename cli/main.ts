/**
 * `clausewatch`: the extension's engine on the command line, for researchers, journalists and scripts.
 * I/O is injected so the tests run the real program in-process; `bin/clausewatch.mjs` wires it to the
 * process. Exit status: 0 ok, 1 input error (batch: some line failed), 2 usage error, 3 internal error,
 * 4 the output could not be written (a full disk).
 */
import { fstatSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseCommandLine, usage, UsageError } from './args';
import { COMMANDS } from './commands';
import { DEFAULT_MAX_INPUT_BYTES, InputError } from './input';
import { visibleLine } from './safe-text';

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
  /** Size limit per input file, in bytes. */
  maxInputBytes?: number;
  /** Standard input, for `--batch -`; the process's by default. */
  stdin?: AsyncIterable<Uint8Array>;
  /**
   * Called when a batch line fails, as its error result is written: the run's status is 1 from then on,
   * which the process needs should its output be closed before main() returns (`| head -1`).
   */
  lineFailed?: () => void;
}

export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3, output: 4 } as const;

/** Set by the bundler (scripts/build-cli.ts) from package.json; absent when run from the sources. */
declare const __CLAUSEWATCH_VERSION__: string | undefined;

export function version(): string {
  if (typeof __CLAUSEWATCH_VERSION__ === 'string') return __CLAUSEWATCH_VERSION__;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

async function execute(argv: readonly string[], io: CliIO, cwd: string, env: Record<string, string | undefined>): Promise<number> {
  const call = parseCommandLine(argv, COMMANDS);
  if (call.kind === 'help') {
    io.stdout.write(`${usage(COMMANDS, call.topic)}\n`);
    return EXIT.ok;
  }
  if (call.kind === 'version') {
    io.stdout.write(`clausewatch ${version()}\n`);
    return EXIT.ok;
  }
  const spec = COMMANDS.find((c) => c.name === call.command);
  if (!spec) throw new Error(`no command '${call.command}' in the table`);
  return spec.run(
    { command: call.command, operands: call.operands, batch: call.batch, url: call.url, lang: call.lang, json: call.json },
    {
      stdout: io.stdout,
      stderr: io.stderr,
      cwd,
      env,
      colour: io.isTTY && call.color !== false && !env['NO_COLOR'],
      width: Math.max(40, Math.min(120, io.columns ?? (Number(env['COLUMNS']) || 100))),
      maxInputBytes: io.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES,
      ...(io.stdin ? { stdin: io.stdin } : {}),
      ...(io.lineFailed ? { lineFailed: io.lineFailed } : {}),
    },
  );
}

/** Runs the tool with the user's arguments (without node and the script path); resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? process.cwd();
  const fail = (code: number, message: string): number => {
    // A message can repeat a file name or an argument: written with its control and direction characters escaped.
    io.stderr.write(`clausewatch: error: ${visibleLine(message)}\n`);
    return code;
  };
  try {
    return await execute(argv, io, cwd, env);
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

/** Why the output could not be written: Node's message without the call it names ("ENOSPC: no space left on device"). */
export function outputError(e: NodeJS.ErrnoException): string {
  const message = e.message.replace(/, write$/, '');
  return `cannot write the output (${e.code && !message.startsWith(e.code) ? `${e.code}: ${message}` : message})`;
}

/**
 * Standard input, read only when a batch asks for it ("-"): a directory is an input error, as it is named
 * as a file (Node reads it as an empty stream).
 */
async function* standardInput(): AsyncGenerator<Uint8Array> {
  let directory = false;
  try {
    directory = fstatSync(0).isDirectory();
  } catch {
    // No standard input to look at: reading it says what there is.
  }
  if (directory) throw new InputError('-: standard input is a directory, not a JSONL file');
  yield* process.stdin;
}

/** Wires main() to the real process; used by bin/clausewatch.mjs and `npm run cli`. */
export async function runAsProcess(): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // `clausewatch ... | head` closes the pipe early; that is not an error worth a stack trace. The status
    // is what the run had come to: 1 if a batch line had failed already.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    // Anything else (ENOSPC on a full disk, EIO) means the output is lost: one line, and a status of its own.
    process.stderr.write(`clausewatch: error: ${outputError(e)}\n`);
    if (process.env['CLAUSEWATCH_DEBUG'] === '1' && e.stack) process.stderr.write(`${e.stack}\n`);
    process.exit(EXIT.output);
  });
  const code = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
    stdin: standardInput(),
    lineFailed: () => {
      process.exitCode = EXIT.input;
    },
  });
  process.exitCode = code;
}

const launchedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (launchedDirectly) void runAsProcess();
