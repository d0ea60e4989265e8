/**
 * What a sentence names: recipients, data, purposes. Comparing these between versions is how an edit is
 * judged: a sharing sentence that now names a recipient the policy never named before expands sharing;
 * the same recipients in new words is a rewording.
 */
import { prepareSentence } from './classify';
import { RECIPIENT_EN, WIDENING_TERMS } from './rules';

const RECIPIENT_GLOBAL = new RegExp(`\\b${RECIPIENT_EN}\\b`, 'g');

// Generic words that every sharing or AI sentence carries; they never make an edit news on their own.
const GENERIC = new Set(['including', 'such as', 'content', 'products', 'product', 'improve', 'improving', 'develop', 'development', 'device', 'usage', 'others', 'other companies', 'companies', 'recipients', 'model', 'models', 'train', 'training', 'trained']);

function stem(word: string): string {
  return word
    .replace(/['’]s$/, '')
    .replace(/ies$/, 'y')
    .replace(/(?<=[^s])s$/, '');
}

/** Recipients named in a prepared (lower-cased) sentence, canonicalised. */
export function recipientsOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(RECIPIENT_GLOBAL)) {
    const r = m[0]
      .split(' ')
      .map(stem)
      .join(' ')
      .replace(/^third[- ]?party$/, 'third party');
    out.add(r);
  }
  return [...out];
}

/** Recipients plus data and purpose words, minus generic ones. */
export function conceptsOf(sentence: string): Set<string> {
  const s = prepareSentence(sentence);
  const out = new Set<string>(recipientsOf(s));
  for (const m of s.matchAll(WIDENING_TERMS)) {
    const w = stem(m[0]);
    if (!GENERIC.has(m[0]) && !GENERIC.has(w)) out.add(w);
  }
  return out;
}

/** The human name of a recipient list, for headlines ("advertising partners", "affiliates"). */
export function describeRecipients(recipients: string[]): string {
  const nice = recipients
    .filter((r) => !['other', 'others', 'recipient'].includes(r))
    .slice(0, 3)
    .map((r) => (r === 'third party' ? 'third parties' : r.endsWith('y') && !r.endsWith('ay') ? `${r.slice(0, -1)}ies` : /(?:s|enforcement|media|data)$/.test(r) ? r : `${r}s`));
  if (nice.length === 0) return '';
  if (nice.length === 1) return nice[0] ?? '';
  return `${nice.slice(0, -1).join(', ')} and ${nice[nice.length - 1]}`;
}
