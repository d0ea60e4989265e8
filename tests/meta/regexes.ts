/**
 * Every regular expression in the project's source, for the ReDoS meta-test: the literals, read from the
 * syntax tree of every source file, and the patterns built at run time with `new RegExp(...)`, captured
 * by loading the modules that build them with the constructor watched.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const ROOT = join(import.meta.dirname, '..', '..');
const SOURCE_DIRS = ['lib', 'cli', 'components', 'pages', 'utils', 'entrypoints', 'scripts', 'bin'];

export interface FoundPattern {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(?:ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

export function projectSources(): string[] {
  return SOURCE_DIRS.flatMap((d) => {
    try {
      return sourceFiles(join(ROOT, d));
    } catch {
      return [];
    }
  });
}

/** Regular-expression literals, by parsing each file (so strings and comments that look like one are not). */
export function literalPatterns(): FoundPattern[] {
  const out: FoundPattern[] = [];
  for (const file of projectSources()) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = node.getText(sf);
        const end = lit.lastIndexOf('/');
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        out.push({ where: `${relative(ROOT, file)}:${line + 1}`, source: lit.slice(1, end), flags: lit.slice(end + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** Files that build a pattern at run time. */
export function dynamicPatternFiles(): string[] {
  return projectSources().filter((f) => /\bnew RegExp\(/.test(readFileSync(f, 'utf8')));
}

/** "path:line" of a stack frame line such as "    at fn (file:///work/main/lib/x.ts:12:5)". */
function frameLocation(frame: string): string {
  const at = frame.indexOf(ROOT);
  if (at < 0) return 'runtime';
  const rest = frame.slice(at).replace(/\)$/, '');
  const lastColon = rest.lastIndexOf(':');
  return relative(ROOT, lastColon > 0 ? rest.slice(0, lastColon) : rest);
}

/**
 * Patterns built while `load` runs: the global constructor is wrapped for its duration. Call it before
 * anything else in the test file has loaded those modules (vitest gives each test file its own modules).
 */
export async function capturedPatterns(load: () => Promise<unknown>): Promise<FoundPattern[]> {
  const found: FoundPattern[] = [];
  const Original = globalThis.RegExp;
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const re = new target(...args);
      // The frame that built it: our code's, or a dependency's (whose patterns are not ours to check).
      const frame = new Error().stack?.split('\n').slice(1).find((l) => l.includes(ROOT) && !l.includes('tests/meta')) ?? '';
      if (!frame.includes('/node_modules/')) found.push({ where: frameLocation(frame), source: re.source, flags: re.flags });
      return re;
    },
  });
  try {
    await load();
  } finally {
    globalThis.RegExp = Original;
  }
  return found;
}
