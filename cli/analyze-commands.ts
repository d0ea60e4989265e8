/**
 * `detect` and `diff` as commands of the table (cli/commands.ts): files in, a document (or a stream of
 * them in batch mode) out. Loaded only when one of them runs; it brings in the engine.
 */
import { parsePageUrl } from './args';
import { runDetect, runDiff } from './analyze';
import { runBatch } from './batch';
import type { CommandArgs, CommandContext } from './commands';
import { colorStyle, formatDetect, formatDiff, plainStyle } from './format';
import { readInputFile } from './input';
import { jsonText } from './safe-text';

function pageUrl(explicit: string | undefined, fileUrl: string): string {
  return explicit === undefined ? fileUrl : parsePageUrl(explicit);
}

function batch(command: 'detect' | 'diff', args: CommandArgs, ctx: CommandContext): Promise<number> {
  return runBatch(command, args.batch ?? '', {
    cwd: ctx.cwd,
    out: ctx.stdout,
    maxBytes: ctx.maxInputBytes,
    lang: args.lang,
    ...(ctx.stdin ? { stdin: ctx.stdin } : {}),
    ...(ctx.lineFailed ? { lineFailed: ctx.lineFailed } : {}),
  });
}

export async function detectCommand(args: CommandArgs, ctx: CommandContext): Promise<number> {
  if (args.batch !== undefined) return batch('detect', args, ctx);
  // Validate the address before reading anything: a usage error should not wait for a 20 MB file.
  if (args.url !== undefined) parsePageUrl(args.url);
  const input = readInputFile(args.operands[0] ?? '', ctx.cwd, ctx.maxInputBytes);
  const out = runDetect(input, pageUrl(args.url, input.fileUrl));
  ctx.stdout.write(args.json ? `${jsonText(out, 2)}\n` : formatDetect(out, ctx.colour ? colorStyle : plainStyle, ctx.width, args.lang));
  return 0;
}

export async function diffCommand(args: CommandArgs, ctx: CommandContext): Promise<number> {
  if (args.batch !== undefined) return batch('diff', args, ctx);
  if (args.url !== undefined) parsePageUrl(args.url);
  const older = readInputFile(args.operands[0] ?? '', ctx.cwd, ctx.maxInputBytes);
  const newer = readInputFile(args.operands[1] ?? '', ctx.cwd, ctx.maxInputBytes);
  // One --url names the page both versions were saved from.
  const urls = { older: pageUrl(args.url, older.fileUrl), newer: pageUrl(args.url, newer.fileUrl) };
  const out = runDiff(older, newer, urls, { lang: args.lang });
  ctx.stdout.write(args.json ? `${jsonText(out, 2)}\n` : formatDiff(out, ctx.colour ? colorStyle : plainStyle, ctx.width, args.lang));
  return 0;
}
