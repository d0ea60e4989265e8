/**
 * The command table: one entry per command. The parser (cli/args.ts), `--help` and the dispatch in
 * cli/main.ts read it, so adding a command is adding an entry here (and its module). Each entry loads
 * its implementation with a dynamic import when it runs: `--help`, `--version` and usage errors never
 * load the engine, and only the commands that parse HTML load jsdom (cli/dom.ts).
 *
 * A command in its own module, say cli/verify.ts exporting `verifyCommand(args, ctx)`, is one entry:
 *   { name: 'verify', summary: 'check a web archive capture', operands: ['FILE'], options: ['json', 'no-color'],
 *     run: async (args, ctx) => (await import('./verify')).verifyCommand(args, ctx) },
 * and gets its parsing, its usage errors ("verify needs a FILE", "--url does not apply to verify") and
 * its lines in `--help` from it. The bundle (scripts/build-cli.ts) puts the module in a chunk of its own.
 */
import type { CommandSyntax } from './args';
import type { Output } from './main';

/** What a command receives: its parsed arguments and the program's surroundings. */
export interface CommandArgs {
  command: string;
  /** As many as the entry's `operands`, in that order; empty in batch mode. */
  operands: string[];
  /** The JSONL file in batch mode (only for entries with 'batch' among their options). */
  batch?: string;
  url?: string;
  /** The language of the explanations (en by default). */
  lang?: string;
  json: boolean;
}

export interface CommandContext {
  stdout: Output;
  stderr: Output;
  /** Folder relative paths are resolved against. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** Use ANSI colour in human output (a terminal, no --no-color, no NO_COLOR). */
  colour: boolean;
  /** Terminal width for wrapping human output. */
  width: number;
  /** Size limit per input file, in bytes. */
  maxInputBytes: number;
  /** Standard input (`--batch -`). */
  stdin?: AsyncIterable<Uint8Array>;
  /** Called when a batch line fails (cli/main.ts CliIO). */
  lineFailed?: () => void;
}

export interface CommandSpec extends CommandSyntax {
  /**
   * Runs the command; resolves to the exit status (0 ok, 1 an input could not be used). Throw
   * UsageError (cli/args.ts) for a usage mistake found late, InputError (cli/input.ts) for a bad input:
   * main() prints either as one line. Anything else is reported as an internal error (exit 3).
   */
  run(args: CommandArgs, ctx: CommandContext): Promise<number>;
}

const INPUTS = `Files may be HTML (a saved page: detected and extracted as in the browser, with --url as its address)
or Markdown / plain text (already-extracted policy text; Markdown headings become sections).`;

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'detect',
    summary: 'is this page a privacy policy, and what does it say today (sharing, AI training, ...)',
    operands: ['FILE'],
    options: ['url', 'json', 'batch', 'lang', 'no-color'],
    batch: { file: 'PAGES.jsonl', line: '{"id", "file", "url"?}' },
    notes: INPUTS,
    run: async (args, ctx) => (await import('./analyze-commands')).detectCommand(args, ctx),
  },
  {
    name: 'diff',
    summary: 'what changed between two versions of a policy, and why it matters',
    operands: ['OLDER', 'NEWER'],
    options: ['url', 'json', 'batch', 'lang', 'no-color'],
    batch: { file: 'PAIRS.jsonl', line: '{"id", "older", "newer", "url"?}' },
    notes: INPUTS,
    run: async (args, ctx) => (await import('./analyze-commands')).diffCommand(args, ctx),
  },
  {
    name: 'verify',
    summary: 'check an evidence export (WARC, from the history or options page): digests, record ids, hash chains',
    operands: ['FILE'],
    options: [],
    notes: 'verify exits 0 when the file verifies, 1 when it does not (one FAIL line per problem) or cannot be read.',
    run: async (args, ctx) => {
      const r = await (await import('./verify')).runVerify(args.operands[0] ?? '', { cwd: ctx.cwd });
      const { visibleLine } = await import('./safe-text');
      // Ids and addresses come from the file: written as text, never as terminal controls.
      for (const line of r.stdout) ctx.stdout.write(`${visibleLine(line)}\n`);
      for (const line of r.stderr) ctx.stderr.write(`${visibleLine(line)}\n`);
      return r.exitCode;
    },
  },
];
