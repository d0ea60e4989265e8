import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { half, loadUnits, score } from '../../scripts/eval/attributes';

// A two-segment corpus in our own words, in OPP-115's two files' shape.
const dir = mkdtempSync(join(tmpdir(), 'cw-attr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'clauses'));
const segments = [
  { policy: '7_example.com', segment: 0, text: 'We give your e-mail address to advertisers for ads. We keep logs for a year.' },
  { policy: '7_example.com', segment: 1, text: 'Our payroll office is closed on Sundays.' },
];
const practice = (annotator: string, span: string, attributes: Record<string, [string, string | null]>) => ({
  policy_name: '7_example.com',
  segment_id: 0,
  annotator,
  category: 'Third Party Sharing/Collection',
  attributes: { 'Does/Does Not': { value: 'Does', text: null }, 'Action Third Party': { value: 'Receive/Shared with', text: span }, ...Object.fromEntries(Object.entries(attributes).map(([k, [value, text]]) => [k, { value, text }])) },
});
const practices = [
  // Two annotators say the first sentence hands contact data to advertisers, for advertising.
  practice('a1', 'give your e-mail address to advertisers', { 'Personal Information Type': ['Contact', 'e-mail address'], Purpose: ['Advertising', 'for ads'] }),
  practice('a2', 'give your e-mail address to advertisers', { 'Personal Information Type': ['Contact', 'your e-mail address'], Purpose: ['Unspecified', null] }),
  // One annotator also ties a practice to the second sentence: one is not enough for it to count.
  { ...practice('a3', 'We keep logs for a year', {}), segment_id: 0 },
];
writeFileSync(join(dir, 'clauses', 'opp115-dev.jsonl'), segments.map((s) => JSON.stringify(s)).join('\n'));
writeFileSync(join(dir, 'clauses', 'opp115-dev-practices.jsonl'), practices.map((p) => JSON.stringify(p)).join('\n'));

describe('npm run eval -- attributes', () => {
  it('scores the sentences two annotators tied to a sharing practice, against what they chose there', () => {
    const units = loadUnits(dir);
    expect(units.map((u) => u.sentence)).toEqual(['We give your e-mail address to advertisers for ads.']);
    const [unit] = units;
    // Contact: chosen by both (recall counts it); advertising: by one (precision counts it, recall does not).
    expect(unit?.strict.get('data:contact')?.size).toBe(2);
    expect(unit?.strict.get('for:advertising')?.size).toBe(1);
    expect(unit?.lenient.has('for:advertising')).toBe(true);
    const tallies = score(units);
    expect(tallies.get('data:contact')).toMatchObject({ goldStrict: 1, found: 1, read: 1, right: 1 });
    expect(tallies.get('for:advertising')).toMatchObject({ goldStrict: 0, read: 1, right: 1 });
    // "advertisers" is a kind OPP-115 would call a named third party; nobody chose one here: a false reading.
    expect(tallies.get('to:a-kind-or-name')).toMatchObject({ read: 1, right: 0 });
  });
  it('puts every policy of a service in the same half, whatever its number', () => {
    expect(half('12_example.com')).toBe(half('345_www.example.com'));
  });
});
