/**
 * No regular expression in the project backtracks super-linearly: each one, literal or built at run time,
 * is checked by recheck (an automaton-based ReDoS checker) and run against adversarial strings made from
 * its own vocabulary (its words repeated as a list with no tail, runs of dashes, quotes and spaces).
 * `eslint-plugin-regexp` checks the literals as they are written (npm run lint).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checkSync } from 'recheck';
import { beforeAll, describe, expect, it } from 'vitest';
import { capturedPatterns, dynamicPatternFiles, literalPatterns, type FoundPattern } from './regexes';

let patterns: FoundPattern[] = [];

/**
 * recheck bounded by work only (characters its VM reads, generations), never by time: with its default
 * 10-second budget the largest attribute pattern took 9.6 s on a slow machine, and a busier one would have
 * reported it "unknown" and failed CI. The same pattern and seed now give the same verdict on any machine.
 */
const BY_WORK = { timeout: null, attackTimeout: null, incubationTimeout: null, seedingTimeout: null, randomSeed: 1 } as const;

/**
 * recheck's verdicts on the patterns as they stand, kept in `redos-verdicts.json`: a pattern found safe
 * by this recheck with these options is found safe again (the check is bounded by work, with a fixed
 * seed), so only a pattern that is new or changed, or every pattern after recheck or the options change,
 * is checked again. Checking all 570-odd took 100 s of the CI's 15 minutes. `UPDATE_REDOS_VERDICTS=1`
 * rewrites the file from a full check (nothing else writes it).
 */
const VERDICTS = new URL('./redos-verdicts.json', import.meta.url);
const RECHECK_VERSION = (createRequire(import.meta.url)('recheck/package.json') as { version: string }).version;
const CHECKED_WITH = `recheck ${RECHECK_VERSION} ${JSON.stringify(BY_WORK)}`;
const verdictKey = (p: Pick<FoundPattern, 'source' | 'flags'>) => createHash('sha256').update(`${p.flags.replace(/[gy]/g, '')}/${p.source}`).digest('hex').slice(0, 20);

function knownSafe(): Set<string> {
  if (process.env.UPDATE_REDOS_VERDICTS || !existsSync(VERDICTS)) return new Set();
  const kept = JSON.parse(readFileSync(VERDICTS, 'utf8')) as { checkedWith?: unknown; safe?: unknown };
  return kept.checkedWith === CHECKED_WITH && Array.isArray(kept.safe) ? new Set(kept.safe.filter((k): k is string => typeof k === 'string')) : new Set();
}

beforeAll(async () => {
  const dynamic = await capturedPatterns(async () => {
    for (const file of dynamicPatternFiles()) await import(/* @vite-ignore */ file);
  });
  const seen = new Set<string>();
  patterns = [...literalPatterns(), ...dynamic].filter((p) => {
    const k = `${p.flags}/${p.source}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}, 60_000);

/** Strings built from a pattern's own words: the inputs that make a nested alternation backtrack. */
export function adversarialInputs(source: string): string[] {
  const vocab = [...new Set(source.match(/[a-z]{3,}/g) ?? [])].slice(0, 40);
  const words = vocab.length ? vocab : ['abc'];
  const list = (sep: string, n: number) => Array.from({ length: n }, (_, i) => words[i % words.length]).join(sep);
  return [
    list(', ', 60),
    `${list(', ', 40)} and ${words[0]}`,
    list(' ', 120),
    `${list(' ', 60)}!`,
    `${'-'.repeat(3000)}`,
    `${"'".repeat(3000)}`,
    `${' '.repeat(3000)}x`,
    `${'a '.repeat(2000)}`,
    `${'a-'.repeat(2000)}`,
    `${words[0]} ${'— '.repeat(1000)}${words[1] ?? words[0]}`,
  ];
}

describe('regular expressions', () => {
  it('finds the project\'s patterns (literals and those built at run time)', () => {
    expect(patterns.length).toBeGreaterThan(200);
    expect(patterns.some((p) => p.where.includes('lib/core/engine/lexicon.ts'))).toBe(true);
    expect(patterns.some((p) => p.where.includes('lib/core/engine/attributes.ts'))).toBe(true);
  });

  it('finds the twins the attribute patterns are tested by (built as the module loads, so they are checked too)', async () => {
    const { presenceTwins } = await import('../../lib/core/engine/attributes');
    const found = new Set(patterns.map((p) => `${p.flags}/${p.source}`));
    const twins = presenceTwins().flatMap(([, own]) => own);
    expect(twins.length).toBeGreaterThan(30);
    expect(twins.filter((t) => !found.has(`${t.flags}/${t.source}`)).map((t) => t.source.slice(0, 60))).toEqual([]);
  });

  it('would catch the shape of the pattern that once froze the background (a recipient list with no tail)', () => {
    const W = "\\w+(?:[-'’]\\w+)*";
    const R = '(?:advertising partners?|partners?|advertisers?|affiliates?|service providers?|providers?|third parties|vendors?)';
    const old = `^(?:our |other |the )*(?:${W} ){0,2}?${R}(?:,? (?:and |or )?(?:${W} ){0,2}?${R})*(?:,? (?:when|if)\\b)`;
    expect(checkSync(old, '', BY_WORK).status).toBe('vulnerable');
  }, 60_000);

  it('recheck finds none vulnerable (each pattern not found safe before checked now)', () => {
    const known = knownSafe();
    const bad: string[] = [];
    const safe: string[] = [];
    for (const p of patterns) {
      const key = verdictKey(p);
      if (known.has(key)) {
        safe.push(key);
        continue;
      }
      const r = checkSync(p.source, p.flags.replace(/[gy]/g, ''), BY_WORK);
      if (r.status === 'vulnerable') bad.push(`${p.where} /${p.source.slice(0, 120)}/${p.flags}: ${r.complexity?.summary ?? ''}, e.g. ${r.attack?.pattern ?? ''}`);
      else if (r.status === 'unknown') bad.push(`${p.where} /${p.source.slice(0, 120)}/${p.flags}: could not be checked (${r.error?.kind ?? 'unknown'})`);
      else safe.push(key);
    }
    expect(bad).toEqual([]);
    if (process.env.UPDATE_REDOS_VERDICTS) writeFileSync(VERDICTS, `${JSON.stringify({ checkedWith: CHECKED_WITH, safe: [...new Set(safe)].sort() }, null, 1)}\n`);
  }, 600_000);

  it('keeps no verdict on a pattern whose shape it does not know (the key is the pattern, flags and all)', () => {
    expect(verdictKey({ source: 'a+b', flags: 'g' })).toBe(verdictKey({ source: 'a+b', flags: '' }));
    expect(verdictKey({ source: 'a+b', flags: 'i' })).not.toBe(verdictKey({ source: 'a+b', flags: '' }));
    expect(verdictKey({ source: '(a+)+b', flags: '' })).not.toBe(verdictKey({ source: 'a+b', flags: '' }));
  });

  it('each runs its own adversarial strings in well under 50 ms', () => {
    const slow: string[] = [];
    for (const p of patterns) {
      const re = new RegExp(p.source, p.flags.replace(/[gy]/g, ''));
      for (const input of adversarialInputs(p.source)) {
        // The fastest of up to three runs: a pattern that backtracks is slow every time, a busy machine or a
        // garbage collection only once in a while.
        let ms = Infinity;
        for (let run = 0; run < 3 && ms > 50; run++) {
          const t0 = performance.now();
          re.test(input);
          ms = Math.min(ms, performance.now() - t0);
        }
        if (ms > 50) slow.push(`${p.where} /${p.source.slice(0, 80)}/: ${ms.toFixed(0)} ms on "${input.slice(0, 40)}…"`);
      }
    }
    expect(slow).toEqual([]);
  });
});
