/**
 * Seeded fuzzing of the engine on policy-like Markdown salted with what breaks text code: character
 * references to no character, lone surrogates, bidi marks and isolates, ligatures, combining marks,
 * control characters and stray Markdown. A fuzzing run of 6 December 2026 found five defects of these
 * kinds (a thrown RangeError, alerts from a change of case or of typesetting); this keeps their classes
 * from coming back. Every document comes from the seed, so a failure names the seed that reproduces it.
 */
import { describe, expect, it } from 'vitest';
import { documentFromMarkdown } from '../page/markdown';
import { ChangeAnalysis } from '../schema';
import { analyzeChange } from './analyze';

const SENTENCES = [
  'We keep the email address you give us when you register.',
  'We may pass your purchase history to advertising partners and data brokers.',
  'Your drafts may be used to train and improve our generative AI models.',
  'We do not sell the personal information of our members.',
  'You can switch off personalised ads at any time in your settings.',
  'Service providers that host our servers receive your account details.',
  'Nous pouvons transmettre vos données à nos partenaires publicitaires.',
  'Wir geben Ihre Daten nicht an Dritte weiter.',
  'Podemos compartir sus datos con anunciantes.',
  'Identifiers | Service providers | None',
  'Category | Sold or shared | Used for ads',
  'Biometric information | ✔ | ✘',
  'Precise location | Yes, with advertisers | No',
  'Last updated: 3 March 2026.',
];
const HEADINGS = ['Privacy Policy', 'What we share', 'Your choices', 'Datenschutz', 'Training AI'];
/** Inserted between characters: each has broken a text routine somewhere. */
const NOISE = [
  '&#x110000;', '&#0;', '&#55296;', '&amp;', '\ud800', '\udfff', '\u200e', '\u200f', '\u202e', '\u2066', '\u2069', '\u034f', '\ufe0f',
  '\u0301', '\u00ad', '\u200b', '\ufeff', 'ﬁ', 'ß', '\u0000', '\u001b', '\u007f', '\u2028', '\t', '`', '*', '_', '|', '#', '[', '](', '<b>', '\\',
];

function random(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  return { next, pick: <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T };
}

/** A policy of a few sections, some sentences salted with noise. */
function policy(seed: number): string {
  const r = random(seed);
  const salt = (s: string) => [...s].map((c) => (r.next() < 0.04 ? r.pick(NOISE) + c : c)).join('');
  const out = ['# Privacy Policy'];
  for (let section = 0; section < 3; section++) {
    out.push(`## ${r.pick(HEADINGS)}`);
    for (let b = 0; b < 4; b++) {
      const form = r.next();
      const text = salt(`${r.pick(SENTENCES)} ${r.pick(SENTENCES)}`);
      out.push(form < 0.2 ? `* ${text}` : form < 0.3 ? `| ${text} |` : text);
    }
  }
  return out.join('\n\n');
}

const doc = (markdown: string) => documentFromMarkdown(markdown, { url: 'https://acme.example/privacy', language: 'en' });
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

describe('hostile text through the whole engine (seeded)', () => {
  it.each(SEEDS)('seed %i: reads, compares and answers the same twice, and a version against itself changes nothing', (seed) => {
    const older = doc(policy(seed));
    const newer = doc(policy(seed + 1000));
    const first = analyzeChange(older, newer);
    expect(() => ChangeAnalysis.parse(first)).not.toThrow();
    expect(JSON.stringify(analyzeChange(older, newer))).toBe(JSON.stringify(first));
    const same = analyzeChange(older, doc(policy(seed)));
    expect(same.findings).toEqual([]);
    expect(same.changes).toEqual([]);
  });

  it.each(SEEDS)('seed %i: the same policy in capitals, or without its invisible marks and ligatures, raises no alert', (seed) => {
    const text = policy(seed);
    const older = doc(text);
    const variants = [text.toUpperCase(), text.replace(/[\u200e\u200f\u202e\u2066\u2069]|\u034f|\ufe0f/g, '').replaceAll('ﬁ', 'fi')];
    for (const variant of variants) expect(analyzeChange(older, doc(variant)).findings.filter((f) => f.severity === 'major')).toEqual([]);
  });
});
