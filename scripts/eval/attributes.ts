/**
 * `npm run eval -- attributes`: what a sharing statement names (lib/core/engine/attributes.ts: recipient
 * kinds, company names, data kinds, purposes), against the attributes OPP-115's annotators gave the
 * sharing practices they tied to the same sentence. The change judgement is made of these readings
 * ("expanded" when a statement gains a kind), so a misread word is a false alarm and a missed one a miss.
 *
 * The unit is a sentence that two or three annotators tied to a Third Party Sharing/Collection practice.
 * For each of our keys that an OPP-115 value maps onto (MAP below; values with no counterpart, such as
 * "Unspecified" or "Demographic", are not scored):
 * - recall: of the sentences where two or more annotators chose a value mapping to the key, in a sharing
 *   practice tied to the sentence and with its selected text there, the share where we read the key;
 * - precision: of the sentences where we read the key, the share where at least one annotator chose such
 *   a value anywhere in a sharing practice tied to the sentence. An annotator gives one value per practice,
 *   so a sentence listing five kinds of data often carries one practice: precision is a floor, useful to
 *   compare vocabularies and to read the false readings, not an absolute figure.
 *
 * Nothing here is fitted, but vocabularies are written by people who read errors. So the policies are split
 * in two by a fixed hash of their service key (which, for OPP-115's domains, is one policy each: sister
 * sites such as timeinc.com and fortune.com can fall on both sides): errors are printed (`--errors N`) for
 * the "read" half only, and the "held" half is the figure to report for a vocabulary changed after reading
 * them. It is kept apart only as far as the person writing words does not look at it: a word generalised
 * from a read error can also match held sentences, and choosing between words on held figures makes them
 * optimistic (scripts/train/experiments/2026-judgement.md says where that happened).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NEVER_WIDENS } from '../../lib/core/engine/analyze';
import { attributesOf, selfNames, type Attributes } from '../../lib/core/engine/attributes';
import { prepare } from '../../lib/core/engine/model/features';
import { corpusDir } from '../lib/corpus';
import { practicesBySegment, practiceTies, readJsonl, segmentSentences, serviceKey, type OppPractice, type OppSegment } from '../train/data';

const SHARING = 'Third Party Sharing/Collection';

/** OPP-115 attribute values and the key of ours each stands for (several of ours may stand for one of theirs). */
export const MAP: Record<string, Record<string, string>> = {
  'Third Party Entity': {
    'Other part of company/affiliate': 'to:affiliates',
    Public: 'to:public',
    'Other users': 'to:public',
    // OPP-115's "named" third party is a named kind as often as a company ("advertisers", "Google Analytics").
    'Named third party': 'to:a-kind-or-name',
  },
  Purpose: {
    Advertising: 'for:advertising',
    Marketing: 'for:marketing',
    'Analytics/Research': 'for:analytics|research',
    'Legal requirement': 'for:legal',
    'Service operation and security': 'for:security',
    'Basic service/feature': 'for:service',
    'Additional service/feature': 'for:service',
    'Personalization/Customization': 'for:personalization',
    'Merger/Acquisition': 'to:buyers',
  },
  'Personal Information Type': {
    Contact: 'data:contact',
    Location: 'data:location',
    'User online activities': 'data:activity',
    'Cookies and tracking elements': 'data:device',
    'IP address and device IDs': 'data:device',
    'Computer information': 'data:device',
    // (Our "financial account" is sensitive data; the rest of theirs, card and payment details, our purchases.)
    Financial: 'data:purchases',
    Health: 'data:sensitive',
    'Survey data': 'data:feedback',
    'Generic personal information': 'data:personal-data',
  },
};
export const KEYS = [...new Set(Object.values(MAP).flatMap((m) => Object.values(m)))];

/** Recipient kinds OPP-115 does not file as a named third party: vague ones ("third parties", "partners") and those it files apart. */
const VAGUE = new Set(['third-parties', 'partners', 'public', 'affiliates', 'authorities', 'buyers']);

/** Whether our reading of a sentence holds a key ("for:analytics|research": either purpose). */
export function reads(a: Attributes, key: string): boolean {
  if (key === 'to:a-kind-or-name') return a.named.length > 0 || a.recipients.some((r) => !VAGUE.has(r));
  const { kind, alternatives } = parseKey(key);
  const list: readonly string[] = kind === 'to' ? a.recipients : kind === 'for' ? a.purposes : a.data;
  return alternatives.some((v) => list.includes(v));
}

/** "for:analytics|research": the kind of key ("to", "for", "data") and the values any of which it stands for. */
function parseKey(key: string): { kind: string; alternatives: string[] } {
  const [kind = '', values = ''] = key.split(':');
  return { kind, alternatives: values.split('|') };
}

/** The half a policy falls in: "read" (errors shown) or "held" (not read), by a fixed hash of its service. */
export function half(policy: string): 'read' | 'held' {
  const byte = createHash('sha256').update(serviceKey(policy)).digest()[0] ?? 0;
  return byte % 2 === 0 ? 'read' : 'held';
}

export interface Unit {
  policy: string;
  sentence: string;
  /** Per key: the annotators who chose a value mapping to it, in a practice tied to this sentence, with its selected text in it. */
  strict: Map<string, Set<string>>;
  /** Keys any annotator chose in a sharing practice tied to this sentence. */
  lenient: Set<string>;
}

/** The sentences two or more annotators tied to a sharing practice, with what they said of it. */
export function loadUnits(corpus: string): Unit[] {
  const segs = readJsonl<OppSegment>(join(corpus, 'clauses', 'opp115-dev.jsonl'));
  const byKey = practicesBySegment(readJsonl<OppPractice>(join(corpus, 'clauses', 'opp115-dev-practices.jsonl')).filter((p) => p.category === SHARING));
  const units: Unit[] = [];
  for (const seg of segs) {
    const practices = byKey.get(`${seg.policy}#${seg.segment}`);
    if (!practices) continue;
    // Read and tied as the training scripts read OPP-115 (data.ts loadOpp115).
    const { norm, sentences } = segmentSentences(seg.text);
    const tied = sentences.map(() => new Set<string>());
    const strict = sentences.map(() => new Map<string, Set<string>>());
    const lenient = sentences.map(() => new Set<string>());
    for (const p of practices) {
      const ties = practiceTies(norm, sentences, p);
      if (!ties) continue;
      const mapped = ties.overlaps.flatMap(({ name, value, overlap }) => {
        const key = MAP[name]?.[value];
        return key ? [{ key, overlap }] : [];
      });
      ties.tied.forEach((isTied, i) => {
        if (!isTied) return;
        tied[i]?.add(p.annotator);
        for (const { key, overlap } of mapped) {
          lenient[i]?.add(key);
          const m = strict[i];
          if (!m || (overlap[i] ?? 0) <= 0) continue;
          const who = m.get(key);
          if (who) who.add(p.annotator);
          else m.set(key, new Set([p.annotator]));
        }
      });
    }
    sentences.forEach((s, i) => {
      if ((tied[i]?.size ?? 0) < 2) return;
      units.push({ policy: seg.policy, sentence: s.text, strict: strict[i] ?? new Map(), lenient: lenient[i] ?? new Set() });
    });
  }
  return units;
}

interface Tally {
  goldStrict: number;
  found: number;
  read: number;
  right: number;
  falseReadings: string[];
  missed: string[];
}

export function score(units: Unit[]): Map<string, Tally> {
  const out = new Map<string, Tally>(KEYS.map((k) => [k, { goldStrict: 0, found: 0, read: 0, right: 0, falseReadings: [], missed: [] }]));
  for (const u of units) {
    // The service's own name is never a recipient, as in the engine (selfNames from the policy's address).
    const a = attributesOf(prepare(u.sentence), u.sentence, { self: selfNames('', `https://${u.policy.replace(/^\d+_/, '')}/`) });
    for (const key of KEYS) {
      const t = out.get(key);
      if (!t) continue;
      const ours = reads(a, key);
      const gold = (u.strict.get(key)?.size ?? 0) >= 2;
      if (gold) {
        t.goldStrict++;
        if (ours) t.found++;
        else t.missed.push(u.sentence);
      }
      if (ours) {
        t.read++;
        if (u.lenient.has(key)) t.right++;
        else t.falseReadings.push(u.sentence);
      }
    }
  }
  return out;
}

/** Whether gaining the key can make a change "expanded" (some of its alternatives are not in NEVER_WIDENS). */
function canWiden(key: string): boolean {
  if (key === 'to:a-kind-or-name') return true;
  const { kind, alternatives } = parseKey(key);
  return alternatives.some((v) => !NEVER_WIDENS.has(`${kind}:${v}`));
}

const pct = (a: number, b: number) => (b === 0 ? '  -  ' : (a / b).toFixed(3));

type Counts = Pick<Tally, 'found' | 'goldStrict' | 'right' | 'read'>;

/** The counts of several keys added up (a micro-average). */
function total(tallies: Map<string, Tally>, keys: readonly string[]): Counts {
  const out = { found: 0, goldStrict: 0, right: 0, read: 0 };
  for (const k of keys) {
    const t = tallies.get(k);
    if (!t) continue;
    out.found += t.found;
    out.goldStrict += t.goldStrict;
    out.right += t.right;
    out.read += t.read;
  }
  return out;
}

/** One line of the table: the held half's recall and precision with counts, the read half's in brackets. */
function row(label: string, h: Counts, r: Counts): string {
  return `  ${label.padEnd(24)} ${`${pct(h.found, h.goldStrict)} (${h.found}/${h.goldStrict}) [${pct(r.found, r.goldStrict)}]`.padEnd(22)} ${pct(h.right, h.read)} (${h.right}/${h.read}) [${pct(r.right, r.read)}]`;
}

export async function run(args: string[]): Promise<number> {
  const dir = corpusDir();
  if (!existsSync(join(dir, 'clauses', 'opp115-dev-practices.jsonl'))) {
    console.log(`Corpus not found (${dir}; set CLAUSEWATCH_CORPUS); skipping the attributes eval.`);
    return 0;
  }
  const errArg = args.indexOf('--errors');
  const showErrors = errArg >= 0 ? Number(args[errArg + 1] ?? 10) : 0;
  const units = loadUnits(dir);
  const halves = { read: units.filter((u) => half(u.policy) === 'read'), held: units.filter((u) => half(u.policy) === 'held') };
  const scored = { read: score(halves.read), held: score(halves.held) };
  console.log(`\nOPP-115 sharing sentences (two or more annotators): ${units.length} (read half ${halves.read.length}, held half ${halves.held.length}).`);
  console.log('Recall: where two annotators chose it; precision: where one did (a floor). held half [read half]\n');
  console.log(`  ${'key'.padEnd(24)} ${'recall'.padEnd(22)} precision`);
  for (const key of KEYS) console.log(row(key, total(scored.held, [key]), total(scored.read, [key])));
  console.log(row('all keys (micro)', total(scored.held, KEYS), total(scored.read, KEYS)));
  const widening = KEYS.filter(canWiden);
  console.log(row('keys that can widen', total(scored.held, widening), total(scored.read, widening)));
  console.log('  (keys that can widen: a change that gains one is "expanded"; gaining a legal, security or service purpose or "personal data" is not, analyze.ts NEVER_WIDENS)');
  if (showErrors > 0) {
    for (const key of KEYS) {
      const t = scored.read.get(key);
      if (!t) continue;
      console.log(`\n## ${key} (read half): misses ${t.missed.length}, false readings ${t.falseReadings.length}`);
      for (const m of t.missed.slice(0, showErrors)) console.log(`  MISS  ${m.slice(0, 220)}`);
      for (const f of t.falseReadings.slice(0, showErrors)) console.log(`  FALSE ${f.slice(0, 220)}`);
    }
  }
  return 0;
}
