/** Shared by the CLI tests: run main() in-process with captured output. */
import { fileURLToPath } from 'node:url';
import { main, type CliIO } from './main';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], io: Partial<CliIO> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    isTTY: false,
    cwd: FIXTURES,
    env: {},
    ...io,
  });
  return { code, stdout, stderr };
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\x1b\[/;
