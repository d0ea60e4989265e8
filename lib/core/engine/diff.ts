/**
 * Aligning two versions of a policy. Blocks first (identical by canonical key, in order; then the same
 * key elsewhere = moved; then edited blocks paired by word-set similarity inside the gaps between
 * identical ones, within a window), then sentences, then words inside changed sentences only.
 *
 * Every step is bounded by work, never by a clock: the block LCS by an edit length, pairing by a window,
 * word diffs by an edit length. When a bound is hit the answer is coarser (greedy block matching, a whole
 * delete + insert) and `truncated` says so; the same two documents give the same answer on any machine.
 */
import { diffArrays, diffWords } from 'diff';
import type { Change, PolicyDocument, Span } from '../schema';
import { canonicalKey, clearKeyMemo, dice, hasKey, isBoilerplate, normalizeFast, pieceKeys, pieceSet, splitSentences, tokens } from './sentences';
import { tableReadings } from './tables';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DiffOptions {}

/** A sentence-level difference, the unit the classifier judges. */
export interface SentenceEdit {
  type: 'added' | 'removed' | 'modified';
  before: string | null;
  after: string | null;
  spans: Span[];
  section: string[];
  /** True when a reader would call it formatting only (same words, reflowed, a date line). */
  cosmetic: boolean;
  /** The sentence introducing the list this sentence belongs to, which the classifier reads with it. */
  context?: string;
}

export interface Alignment {
  changes: Change[];
  sentences: SentenceEdit[];
  /** Differences hidden because they were formatting only. */
  cosmetic: number;
  truncated: boolean;
  /** Each version as it was read (readBlocks), which the classifier's profile of it reads again. */
  read: { older: ReadBlock[]; newer: ReadBlock[] };
}

/** What the alignment records about its own bounds: whether one was hit and the answer is coarser. */
export class Budget {
  truncated = false;
}
const BLOCK_MAX_EDIT = 4000;
const WORD_MAX_EDIT = 400;
const PAIR_WINDOW = 25;
const BLOCK_SIMILARITY = 0.45;
const SENTENCE_SIMILARITY = 0.5;

interface Unit {
  /** The block's text (what a change shows). */
  text: string;
  /** What is compared and split into sentences (ReadBlock.read). */
  read: string;
  key: string;
  section: string[];
  /** For a list item or table row: the sentence that introduces the list ("We share data with:"). */
  leadIn?: string;
}

function lastSentence(text: string): string {
  const parts = text.split(/(?<=[.!?])\s+/);
  return (parts[parts.length - 1] ?? text).slice(-300);
}

/**
 * Items of one list read after its lead-in; the rest of a longer list is read alone. A bound on work: each
 * item so read is classified with up to 300 more characters, and a hostile page can hold a list of
 * thousands (real policies' lists are a few dozen items long).
 */
export const MAX_LEAD_ITEMS = 64;

/** A block with text as the reading goes: its text, its list's lead-in, how many items of that list so far. */
export interface LeadUnit {
  text: string;
  leadIn?: string;
  leadItems?: number;
}

/**
 * The next block as a LeadUnit. A list item or table row is read after the sentence that introduces its
 * list ("We share it with:"), as the item is often a verbless name ("Advertising partners"), for at most
 * MAX_LEAD_ITEMS items of one list. `prev` is the block with text before it, undefined at the start.
 */
export function unitAfter(kind: PolicyDocument['blocks'][number]['kind'], text: string, prev: LeadUnit | undefined): LeadUnit {
  if (kind !== 'list-item' && kind !== 'table-row') return { text };
  const leadIn = prev?.leadIn ?? (prev && /:\s*$/.test(prev.text) ? lastSentence(prev.text) : undefined);
  const leadItems = prev?.leadIn ? (prev.leadItems ?? 0) + 1 : 1;
  // Past the bound, the list goes on without its lead-in; a later list item cannot take one up again.
  return leadIn && leadItems <= MAX_LEAD_ITEMS ? { text, leadIn, leadItems } : { text };
}

/**
 * A version's blocks as they are read, in order: normalised, without those that hold no word, each list
 * item or table row with its list's lead-in, each row of a table of marks with its header's words
 * (tables.ts). The one reading of a version that the alignment and the classifier (analyze.ts) share.
 */
export interface ReadBlock {
  block: PolicyDocument['blocks'][number];
  /** The block's text, normalised: what the reader sees of it. */
  text: string;
  /** What is compared and classified: the text, or a row of marks read with its header. */
  read: string;
  leadIn?: string;
  /** The header of a table of marks: it names columns and states nothing. */
  header?: true;
}

export function* readBlocks(doc: PolicyDocument): Generator<ReadBlock> {
  const blocks = doc.blocks;
  const texts = blocks.map((b) => normalizeFast(b.text));
  const tables = tableReadings(texts, (i) => blocks[i]?.kind === 'table-row');
  let prev: LeadUnit | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const text = texts[i] ?? '';
    // (hasKey, not canonicalKey: reading must not fill the alignment's memo of keys again.)
    if (!hasKey(text)) continue;
    prev = unitAfter(block.kind, text, prev);
    const table = tables[i];
    const read = table && hasKey(table.read) ? normalizeFast(table.read) : text;
    // A row whose every mark says no states none of its columns, whatever its list's lead-in says.
    const leadIn = table?.allNo ? undefined : prev.leadIn;
    yield { block, text, read, ...(leadIn ? { leadIn } : {}), ...(table?.header ? { header: true as const } : {}) };
  }
}

function blockUnits(reads: readonly ReadBlock[]): Unit[] {
  const out: Unit[] = [];
  for (const { block, text, read, leadIn } of reads) {
    const key = canonicalKey(read);
    if (!key) continue;
    out.push({ text, read, key, section: block.section, ...(leadIn ? { leadIn } : {}) });
  }
  return out;
}

/** Word-level spans, bounded; a whole delete + insert when the edit is too large to diff finely. */
export function wordSpans(before: string, after: string): { spans: Span[]; exact: boolean } {
  const coarse = (): Span[] => [
    ...(before ? [{ op: 'delete' as const, text: before }] : []),
    ...(after ? [{ op: 'insert' as const, text: after }] : []),
  ];
  // An edit longer than about half the text is a rewrite: a coarse answer says as much, and stopping
  // early keeps Myers' O((N+M)·D) small.
  const approxTokens = (before.length + after.length) / 5;
  const parts = diffWords(before, after, { maxEditLength: Math.max(10, Math.min(WORD_MAX_EDIT, Math.ceil(approxTokens * 0.6))) });
  if (!parts) return { spans: coarse(), exact: false };
  const spans: Span[] = [];
  for (const p of parts) {
    const op = p.added ? 'insert' : p.removed ? 'delete' : 'equal';
    const last = spans[spans.length - 1];
    if (last && last.op === op) last.text += p.value;
    else spans.push({ op, text: p.value });
  }
  return { spans, exact: true };
}

/**
 * A modified sentence's edit. Its word spans are diffed when first read, then kept: only the edits a
 * finding quotes or a judgement reads need them, and on a rewritten policy the others are most of the
 * alignment's word diffs.
 */
function modifiedEdit(before: string, after: string, rest: Pick<SentenceEdit, 'section' | 'cosmetic' | 'context'>): SentenceEdit {
  let spans: Span[] | undefined;
  return {
    type: 'modified',
    before,
    after,
    get spans() {
      return (spans ??= wordSpans(before, after).spans);
    },
    ...rest,
  };
}

/** Pairs of equal keys, in order (an LCS), bounded; a greedy in-order match when the LCS is too costly (exported for its test). */
export function matchInOrder(a: string[], b: string[], budget: Budget): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  // Only keys found on both sides can pair: the LCS is taken over those alone, so that blocks found on
  // one side only (all of them, when two versions share nothing) cost it no edits.
  const inB = new Set(b);
  const inA = new Set(a);
  const ai = a.flatMap((k, i) => (inB.has(k) ? [i] : []));
  const bj = b.flatMap((k, j) => (inA.has(k) ? [j] : []));
  const result = diffArrays(
    ai.map((i) => a[i]),
    bj.map((j) => b[j]),
    { maxEditLength: BLOCK_MAX_EDIT },
  );
  if (result) {
    let i = 0;
    let j = 0;
    for (const part of result) {
      const n = part.count ?? part.value.length;
      if (part.added) j += n;
      else if (part.removed) i += n;
      else {
        for (let k = 0; k < n; k++) pairs.push([ai[i + k] ?? -1, bj[j + k] ?? -1]);
        i += n;
        j += n;
      }
    }
    return pairs;
  }
  budget.truncated = true;
  const positions = new Map<string, number[]>();
  a.forEach((k, i) => {
    const list = positions.get(k);
    if (list) list.push(i);
    else positions.set(k, [i]);
  });
  // The first position of each key past the last match: lastI only grows, so a key's cursor only moves
  // forward, and the whole fallback is linear (a search from the start of each list was quadratic when
  // a few keys repeat many times: thousands of one-word blocks).
  const cursor = new Map<string, number>();
  let lastI = -1;
  b.forEach((k, j) => {
    const list = positions.get(k);
    if (!list) return;
    let c = cursor.get(k) ?? 0;
    while (c < list.length && (list[c] ?? 0) <= lastI) c++;
    cursor.set(k, c);
    const next = list[c];
    if (next === undefined) return;
    pairs.push([next, j]);
    lastI = next;
  });
  return pairs;
}

/** How many removed sentences, most words shared first, an added one is compared with across blocks. */
const CROSS_CANDIDATES = 8;

/**
 * The k indices with most votes, most first, ties in the order given: what a stable sort by votes then
 * slice(0, k) gives, without sorting every candidate (exported for its test).
 */
export function topVoted(order: readonly number[], votes: ArrayLike<number>, k: number): number[] {
  const top: number[] = [];
  for (const idx of order) {
    const v = votes[idx] ?? 0;
    if (top.length === k && v <= (votes[top[k - 1] ?? 0] ?? 0)) continue;
    let at = top.length;
    while (at > 0 && (votes[top[at - 1] ?? 0] ?? 0) < v) at--;
    top.splice(at, 0, idx);
    if (top.length > k) top.pop();
  }
  return top;
}

export function alignDocuments(older: PolicyDocument, newer: PolicyDocument, budget: Budget): Alignment {
  const read = { older: [...readBlocks(older)], newer: [...readBlocks(newer)] };
  const a = blockUnits(read.older);
  const b = blockUnits(read.newer);
  const oldMatch = new Int32Array(a.length).fill(-1);
  const newMatch = new Int32Array(b.length).fill(-1);
  const newState: Array<'equal' | 'moved' | 'modified' | 'added'> = new Array(b.length).fill('added');
  const oldState: Array<'equal' | 'moved' | 'modified' | 'removed'> = new Array(a.length).fill('removed');
  let cosmetic = 0;

  for (const [i, j] of matchInOrder(a.map((u) => u.key), b.map((u) => u.key), budget)) {
    oldMatch[i] = j;
    newMatch[j] = i;
    newState[j] = 'equal';
    oldState[i] = 'equal';
    if (a[i]?.text !== b[j]?.text) cosmetic++;
  }

  // The same block elsewhere: moved, never removed + added.
  const unmatchedOld = new Map<string, number[]>();
  a.forEach((u, i) => {
    if (oldMatch[i] !== -1) return;
    const list = unmatchedOld.get(u.key);
    if (list) list.push(i);
    else unmatchedOld.set(u.key, [i]);
  });
  b.forEach((u, j) => {
    if (newMatch[j] !== -1) return;
    const list = unmatchedOld.get(u.key);
    const i = list?.shift();
    if (i === undefined) return;
    oldMatch[i] = j;
    newMatch[j] = i;
    newState[j] = 'moved';
    oldState[i] = 'moved';
  });

  // A text's set of words, made once per text: blocks, sentences and the cross-block pairing all compare
  // the same texts many times (dice only reads the sets).
  const wordSets = new Map<string, Set<string>>();
  const wordSet = (text: string) => {
    let s = wordSets.get(text);
    if (!s) {
      s = new Set(tokens(text));
      wordSets.set(text, s);
    }
    return s;
  };

  // Edited blocks: inside each gap between in-order anchors, pair by similarity within a window.
  let prevOld = -1;
  const anchorsNew: number[] = [];
  b.forEach((_, j) => {
    if (newState[j] === 'equal') anchorsNew.push(j);
  });
  anchorsNew.push(b.length);
  let startNew = 0;
  for (const anchor of anchorsNew) {
    const endOld = anchor < b.length ? (newMatch[anchor] ?? a.length) : a.length;
    const gapNew: number[] = [];
    for (let j = startNew; j < anchor; j++) if (newMatch[j] === -1) gapNew.push(j);
    const gapOld: number[] = [];
    for (let i = prevOld + 1; i < endOld; i++) if (oldMatch[i] === -1) gapOld.push(i);
    if (gapNew.length && gapOld.length) {
      const ratio = gapOld.length / gapNew.length;
      gapNew.forEach((j, p) => {
        const centre = Math.round(p * ratio);
        let best = -1;
        let bestScore = BLOCK_SIMILARITY;
        const bj = b[j];
        if (!bj) return;
        const tj = wordSet(bj.key);
        for (let q = Math.max(0, centre - PAIR_WINDOW); q < Math.min(gapOld.length, centre + PAIR_WINDOW + 1); q++) {
          const i = gapOld[q] ?? -1;
          const ai = a[i];
          if (!ai || oldMatch[i] !== -1) continue;
          const score = dice(wordSet(ai.key), tj);
          if (score > bestScore) {
            bestScore = score;
            best = i;
          }
        }
        if (best >= 0) {
          oldMatch[best] = j;
          newMatch[j] = best;
          newState[j] = 'modified';
          oldState[best] = 'modified';
        }
      });
    }
    if (anchor < b.length) prevOld = newMatch[anchor] ?? prevOld;
    startNew = anchor + 1;
  }

  // Sentence level. A sentence found anywhere in the other version is reflowed, not added or removed:
  // this is what makes a document that was only re-blocked yield nothing.
  const lang = newer.language || older.language || 'en';
  // Only blocks that changed are split: splitting is the costliest step and equal blocks need none.
  // "Does this sentence exist in the other version" is a substring test on the other version's
  // canonical text, which also catches a sentence that now straddles a block boundary.
  const oldPieces = pieceSet(a.map((u) => ({ text: u.read, key: u.key })));
  const newPieces = pieceSet(b.map((u) => ({ text: u.read, key: u.key })));
  const inOther = (pieces: Set<string>, sentence: string) => {
    const keys = pieceKeys(sentence);
    return keys.length > 0 && keys.every((k) => pieces.has(k));
  };
  const split = (text: string) => splitSentences(text, lang);
  const oldSentences = a.map((u, i) => (oldState[i] === 'modified' || oldState[i] === 'removed' ? split(u.read) : []));
  const newSentences = b.map((u, j) => (newState[j] === 'modified' || newState[j] === 'added' ? split(u.read) : []));

  const edits: SentenceEdit[] = [];
  const pendingAdded: Array<{ text: string; section: string[]; edit: number }> = [];
  const pendingRemoved: Array<{ text: string; section: string[]; used: boolean }> = [];

  const sentenceDiff = (before: string[], after: string[], section: string[], oldSection: string[], context?: string) => {
    const ctx = context ? { context } : {};
    const bk = before.map(canonicalKey);
    const ak = after.map(canonicalKey);
    const keep = matchInOrder(bk, ak, budget);
    const usedB = new Set(keep.map((p) => p[0]));
    const usedA = new Set(keep.map((p) => p[1]));
    const leftB = before.map((_, i) => i).filter((i) => !usedB.has(i) && !inOther(newPieces, before[i] ?? ''));
    const leftA = after.map((_, i) => i).filter((i) => !usedA.has(i) && !inOther(oldPieces, after[i] ?? ''));
    const pairedB = new Set<number>();
    const leftBTokens = new Map(leftB.map((i) => [i, wordSet(before[i] ?? '')]));
    // Each new sentence is compared with the old ones around its place (a window, as for blocks), so a
    // block of thousands of edited sentences costs O(n·w), not O(n²).
    const ratio = leftA.length ? leftB.length / leftA.length : 0;
    for (const [p, j] of leftA.entries()) {
      const text = after[j] ?? '';
      let best = -1;
      let bestScore = SENTENCE_SIMILARITY;
      const tj = wordSet(text);
      const centre = Math.round(p * ratio);
      for (const i of leftB.slice(Math.max(0, centre - PAIR_WINDOW), centre + PAIR_WINDOW + 1)) {
        if (pairedB.has(i)) continue;
        const score = dice(leftBTokens.get(i) ?? new Set(), tj);
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best >= 0) {
        pairedB.add(best);
        const prev = before[best] ?? '';
        edits.push(modifiedEdit(prev, text, { section, cosmetic: isBoilerplate(text) || canonicalKey(prev) === canonicalKey(text), ...ctx }));
      } else {
        edits.push({ type: 'added', before: null, after: text, spans: [{ op: 'insert', text }], section, cosmetic: isBoilerplate(text), ...ctx });
        pendingAdded.push({ text, section, edit: edits.length - 1 });
      }
    }
    let removedLeft = 0;
    for (const i of leftB) {
      if (pairedB.has(i)) continue;
      pendingRemoved.push({ text: before[i] ?? '', section: oldSection, used: false });
      if (!isBoilerplate(before[i] ?? '')) removedLeft++;
    }
    return removedLeft;
  };

  const changes: Array<{ order: number; change: Change; sentenceCount: number; firstEdit: number; removedLeft: number }> = [];
  let lastNewPos = -1;
  const removedOrder = new Map<number, number>();
  // Place removed blocks just after the new-side position of the previous matched old block.
  a.forEach((_, i) => {
    if (oldMatch[i] !== -1) lastNewPos = oldMatch[i] ?? lastNewPos;
    else removedOrder.set(i, lastNewPos + 0.5);
  });

  b.forEach((u, j) => {
    const state = newState[j];
    if (state === 'equal') return;
    const firstEdit = edits.length;
    if (state === 'moved') {
      changes.push({ order: j, change: { type: 'moved', section: u.section, before: u.text, after: u.text, spans: [{ op: 'equal', text: u.text }] }, sentenceCount: 1, firstEdit, removedLeft: 0 });
      return;
    }
    if (state === 'modified') {
      const i = newMatch[j] ?? -1;
      const old = a[i];
      if (!old) return;
      const removedLeft = sentenceDiff(oldSentences[i] ?? [], newSentences[j] ?? [], u.section, old.section, u.leadIn);
      // The block's word diff is left to whoever shows it (changeSpans): the findings need only the
      // sentences' diffs, and on long rewritten blocks the block's costs more than all of them.
      changes.push({ order: j, change: { type: 'modified', section: u.section, before: old.text, after: u.text, spans: [] }, sentenceCount: edits.length - firstEdit, firstEdit, removedLeft });
      return;
    }
    sentenceDiff([], newSentences[j] ?? [], u.section, u.section, u.leadIn);
    changes.push({ order: j, change: { type: 'added', section: u.section, before: null, after: u.text, spans: [{ op: 'insert', text: u.text }] }, sentenceCount: edits.length - firstEdit, firstEdit, removedLeft: 0 });
  });
  const removedChanges: Array<{ order: number; change: Change; sentencesLeft: number }> = [];
  a.forEach((u, i) => {
    if (oldState[i] !== 'removed') return;
    const left = sentenceDiff(oldSentences[i] ?? [], [], u.section, u.section);
    removedChanges.push({
      order: removedOrder.get(i) ?? 0,
      change: { type: 'removed', section: u.section, before: u.text, after: null, spans: [{ op: 'delete', text: u.text }] },
      sentencesLeft: left,
    });
  });

  // Edited sentences that also moved to another block: pair what is left across blocks, through an
  // inverted index so it stays near-linear.
  if (pendingAdded.length && pendingRemoved.length) {
    const index = new Map<string, number[]>();
    pendingRemoved.forEach((r, idx) => {
      for (const t of wordSet(r.text)) {
        if (t.length < 3) continue;
        const list = index.get(t);
        if (list) list.push(idx);
        else index.set(t, [idx]);
      }
    });
    const votes = new Int32Array(pendingRemoved.length);
    for (const add of pendingAdded) {
      const ta = wordSet(add.text);
      // Votes per removed sentence, in the order each was first voted for (ties keep that order).
      const voted: number[] = [];
      for (const t of ta) {
        const list = index.get(t);
        if (!list || list.length > 50) continue;
        for (const idx of list) {
          const n = votes[idx] ?? 0;
          if (n === 0) voted.push(idx);
          votes[idx] = n + 1;
        }
      }
      const ranked = topVoted(voted, votes, CROSS_CANDIDATES);
      for (const idx of voted) votes[idx] = 0;
      let best = -1;
      let bestScore = 0.6;
      for (const idx of ranked) {
        const r = pendingRemoved[idx];
        if (!r || r.used) continue;
        const score = dice(wordSet(r.text), ta);
        if (score > bestScore) {
          bestScore = score;
          best = idx;
        }
      }
      const r = pendingRemoved[best];
      if (r) {
        r.used = true;
        const prevEdit = edits[add.edit];
        edits[add.edit] = modifiedEdit(r.text, add.text, { ...(prevEdit?.context ? { context: prevEdit.context } : {}), section: add.section, cosmetic: isBoilerplate(add.text) || canonicalKey(r.text) === canonicalKey(add.text) });
      }
    }
  }
  for (const r of pendingRemoved) {
    if (r.used) continue;
    edits.push({ type: 'removed', before: r.text, after: null, spans: [{ op: 'delete', text: r.text }], section: r.section, cosmetic: isBoilerplate(r.text) });
  }

  // A block change whose sentences all exist in the other version (or are date lines) is reformatting.
  const out: Array<{ order: number; change: Change }> = [];
  for (const c of changes) {
    const own = edits.slice(c.firstEdit, c.firstEdit + c.sentenceCount);
    if (c.change.type !== 'moved' && c.removedLeft === 0 && own.every((e) => e.cosmetic)) {
      cosmetic++;
      continue;
    }
    out.push(c);
  }
  for (const r of removedChanges) {
    if (r.sentencesLeft === 0) {
      cosmetic++;
      continue;
    }
    out.push(r);
  }
  out.sort((x, y) => x.order - y.order);
  clearKeyMemo();
  return { changes: out.map((c) => c.change), sentences: edits, cosmetic, truncated: budget.truncated, read };
}

/**
 * A block change's word spans, for showing it: those it carries, or, for a modified block (whose word diff
 * the analysis leaves out, see alignDocuments), its word diff now (bounded as wordSpans is).
 */
export function changeSpans(change: Change): Span[] {
  if (change.type !== 'modified' || change.spans.length > 0 || change.before === null || change.after === null) return change.spans;
  return wordSpans(change.before, change.after).spans;
}

export function diffDocuments(older: PolicyDocument, newer: PolicyDocument, _options?: DiffOptions): Change[] {
  return alignDocuments(older, newer, new Budget()).changes;
}
