/**
 * The evaluation corpus must never be copied into this repository (its licences forbid redistribution,
 * and it is the yardstick). Lists every run of 14+ words in our source and test files that also
 * appears, word for word, in ../shared/corpus. Exit 1 when any is found.
 * Usage: node --import tsx scripts/check-corpus-copy.ts [CORPUS_DIR]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const corpus = process.argv[2] ?? process.env.CLAUSEWATCH_CORPUS ?? join(ROOT, '../shared/corpus');
if (!existsSync(corpus)) {
  console.log(`No corpus at ${corpus}: nothing to compare with.`);
  process.exit(0);
}

function walk(dir: string, keep: (f: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, keep, out);
    else if (keep(path)) out.push(path);
  }
  return out;
}

const words = (s: string) => s.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
const WINDOW = Number(process.env.WINDOW ?? 14);

// Every run of 8 consecutive words in the corpus text, hashed.
const seen = new Set<string>();
for (const file of walk(corpus, (f) => /\.(md|jsonl|html?)$/.test(f))) {
  const text = readFileSync(file, 'utf8').replace(/<[^<>]*>/g, ' ');
  const w = words(text);
  for (let i = 0; i + WINDOW <= w.length; i++) seen.add(w.slice(i, i + WINDOW).join(' '));
}

const ours = ['lib', 'cli', 'components', 'pages', 'entrypoints', 'tests', 'scripts', 'utils'].flatMap((d) =>
  existsSync(join(ROOT, d)) ? walk(join(ROOT, d), (f) => /\.(ts|tsx|html|md|txt|jsonl|json)$/.test(f)) : [],
);
let found = 0;
for (const file of ours) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, n) => {
    const w = words(line);
    for (let i = 0; i + WINDOW <= w.length; i++) {
      if (seen.has(w.slice(i, i + WINDOW).join(' '))) {
        found++;
        console.log(`${relative(ROOT, file)}:${n + 1}: ${line.trim().slice(0, 140)}`);
        break;
      }
    }
  });
}
console.log(found ? `\n${found} lines share 14+ consecutive words with the corpus.` : 'No line shares 14+ consecutive words with the corpus.');
process.exit(found ? 1 : 0);
