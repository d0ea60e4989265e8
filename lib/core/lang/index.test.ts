import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GATE_WORDS, LANGUAGES } from '.';

const DIR = import.meta.dirname;
const USES = ['voice', 'adjacentPath', 'trackerWords', 'policyTitle', 'privacyWord', 'adjacentTitle', 'otherLegalTitle', 'policyPath', 'otherPath', 'sectionHeadings', 'stopwords', 'linkLabels', 'dateLabels', 'dateFillers'] as const;

describe('lib/core/lang', () => {
  it('lists each language once, and the gate words of exactly those languages, in the same order', () => {
    const codes = LANGUAGES.map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(GATE_WORDS).toEqual(LANGUAGES.flatMap((l) => l.gateWords));
    const files = readdirSync(DIR).filter((f) => /^[a-z]{2}\.ts$/.test(f)).map((f) => f.slice(0, 2));
    expect([...files].sort()).toEqual([...codes].sort());
  });

  it('imports nothing from outside lib/core/lang (pure data, at the bottom of the core)', () => {
    for (const f of readdirSync(DIR).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const from = [...readFileSync(join(DIR, f), 'utf8').matchAll(/^import\b[^;]*?from '([^']+)'/gm)].map((m) => m[1]);
      for (const path of from) expect(path, f).toMatch(/^\.\/[a-z]+$/);
    }
  });

  it('writes the detector lists folded: lower case, no accents (matched against foldForMatch text)', () => {
    for (const l of LANGUAGES) {
      for (const use of USES) for (const s of l[use]) expect(s, `${l.code}.${use}`).not.toMatch(/[A-Z\u00C0-\u024F]/);
      for (const month of l.months) for (const s of month) expect(s, `${l.code}.months`).toMatch(/^[a-z]+$/);
    }
  });

  it('gives twelve month lists or none', () => {
    for (const l of LANGUAGES) expect([0, 12], l.code).toContain(l.months.length);
  });

  it('holds no empty entry: an empty alternative would match everywhere (and count zero-length matches forever)', () => {
    for (const l of LANGUAGES) for (const use of USES) for (const s of l[use]) expect(s.length, `${l.code}.${use}`).toBeGreaterThan(0);
    for (const l of LANGUAGES) for (const g of l.gateWords) expect(g.trim().length, `${l.code}.gateWords`).toBeGreaterThan(0);
  });
});
