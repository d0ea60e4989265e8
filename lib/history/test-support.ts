/**
 * Builders shared by the store's tests and benchmark: small hand-made documents, a stand-in for the
 * change engine, and a fresh in-memory IndexedDB per test. Not used by the extension.
 */
import { IDBFactory } from 'fake-indexeddb';
import type { Block, ChangeAnalysis, ChangeAnalysisV1, PolicyDocument } from '../core/schema';
import { openPolicyStore, type PolicyStore } from './store';

export type Clock = { now: number; tick: (ms?: number) => number };

export function makeClock(start = Date.UTC(2026, 0, 1)): Clock & { fn: () => number } {
  const clock = {
    now: start,
    tick(ms = 60_000) {
      clock.now += ms;
      return clock.now;
    },
    fn: () => clock.now,
  };
  return clock;
}

export async function freshStore(clock = makeClock()): Promise<{ store: PolicyStore; factory: IDBFactory; clock: typeof clock }> {
  const factory = new IDBFactory();
  const store = await openPolicyStore({ idb: factory, name: 'test', clock: clock.fn });
  return { store, factory, clock };
}

/** A policy with one heading per section and the given paragraphs under it. */
export function makeDocument(
  sections: Record<string, string[]>,
  options: { url?: string; title?: string; statedDate?: string | null } = {},
): PolicyDocument {
  const blocks: Block[] = [];
  for (const [heading, paragraphs] of Object.entries(sections)) {
    blocks.push({ kind: 'heading', text: heading, section: [], level: 2 });
    for (const text of paragraphs) blocks.push({ kind: 'paragraph', text, section: [heading] });
  }
  const words = blocks.reduce((n, b) => n + b.text.split(/\s+/).filter(Boolean).length, 0);
  return {
    url: options.url ?? 'https://www.example.com/privacy',
    title: options.title ?? 'Privacy Policy',
    language: 'en',
    statedDate: options.statedDate === undefined ? '2026-01-01' : options.statedDate,
    blocks,
    extraction: { method: 'readability', words, notes: [] },
  };
}

/**
 * An analysis as the first releases stored it (schema 1: an English headline and summary), with one
 * major sharing finding per `major`.
 */
export function legacyAnalysis(major: number, summary: string): ChangeAnalysisV1 {
  return {
    schemaVersion: 1,
    summary,
    counts: { major, minor: 0, goodNews: 0, cosmetic: 0 },
    findings: Array.from({ length: major }, (_, i) => ({
      id: `third-party-sharing:new:${i}`,
      category: 'third-party-sharing' as const,
      kind: 'new' as const,
      severity: 'major' as const,
      headline: 'New: your data may be shared with advertisers',
      evidence: [{ sentence: 'We share your data with advertisers.', spans: [{ op: 'insert' as const, text: 'We share your data with advertisers.' }], triggers: ['share'] }],
      section: [],
    })),
    changes: [],
    truncated: false,
  };
}

export function fakeAnalysis(major: number): ChangeAnalysis {
  return {
    schemaVersion: 2,
    counts: { major, minor: 0, goodNews: 0, cosmetic: 0 },
    findings: [],
    changes: [],
    truncated: false,
  };
}

const WORDS = 'data personal information share partners service provide use collect process account device cookies advertising security rights request law retain period transfer country children'.split(' ');

/** Deterministic filler prose: `paragraphs` paragraphs of about `wordsEach` words, in sections of ten. */
export function syntheticPolicy(totalWords: number, options: { wordsEach?: number; seed?: number } = {}): PolicyDocument {
  const wordsEach = options.wordsEach ?? 50;
  let state = options.seed ?? 7;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const sections: Record<string, string[]> = {};
  const count = Math.ceil(totalWords / wordsEach);
  for (let p = 0; p < count; p++) {
    const heading = `Section ${Math.floor(p / 10) + 1}`;
    const words: string[] = [];
    for (let w = 0; w < wordsEach; w++) words.push(WORDS[next() % WORDS.length]!);
    (sections[heading] ??= []).push(`${words.join(' ')}.`);
  }
  return makeDocument(sections);
}

/** A small edit: one word of one paragraph changed, and a new stated date. */
export function editDocument(doc: PolicyDocument, edit: number): PolicyDocument {
  const paragraphs = doc.blocks.map((b, i) => (b.kind === 'paragraph' ? i : -1)).filter((i) => i >= 0);
  const target = paragraphs[(edit * 7919) % paragraphs.length]!;
  const blocks = doc.blocks.map((b, i) => (i === target ? { ...b, text: b.text.replace(/^\S+/, `revised${edit}`) } : b));
  const day = String((edit % 28) + 1).padStart(2, '0');
  return { ...doc, blocks, statedDate: `2026-02-${day}` };
}

/** What one request of the store touched: its object store, the method, and the records or keys it read or wrote. */
export type Touch = { store: string; method: string; values: unknown[] };

const WATCHED = ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor', 'put', 'add', 'delete', 'clear'] as const;
const WRITES: ReadonlySet<string> = new Set(['put', 'add', 'delete', 'clear']);

/**
 * Watches every request made on an object store or an index (of the global IndexedDB: fake-indexeddb's after
 * 'fake-indexeddb/auto') until `stop`: each one's store and method, what a write was given, and every record
 * or key a read returned (each step of a cursor included). For tests that assert on the work a call does,
 * never on its time.
 */
export function watchRequests(): { touched: Touch[]; stop: () => void } {
  const touched: Touch[] = [];
  const restore: (() => void)[] = [];
  const watch = (proto: Record<string, unknown>, storeOf: (self: never) => string) => {
    for (const method of WATCHED) {
      const original = proto[method] as ((...args: unknown[]) => IDBRequest) | undefined;
      if (!original) continue;
      proto[method] = function (this: never, ...args: unknown[]) {
        const request = original.apply(this, args);
        const touch: Touch = { store: storeOf(this), method, values: WRITES.has(method) ? args.slice(0, 1) : [] };
        touched.push(touch);
        request.addEventListener('success', () => {
          const result: unknown = request.result;
          if (result instanceof IDBCursor) touch.values.push(result.key, ...('value' in result ? [result.value] : []));
          else if (Array.isArray(result) && method.startsWith('getAll')) touch.values.push(...(result as unknown[]));
          else if (result !== undefined && result !== null) touch.values.push(result);
        });
        return request;
      };
      restore.push(() => {
        proto[method] = original;
      });
    }
  };
  watch(IDBObjectStore.prototype as unknown as Record<string, unknown>, (self: IDBObjectStore) => self.name);
  watch(IDBIndex.prototype as unknown as Record<string, unknown>, (self: IDBIndex) => self.objectStore.name);
  return { touched, stop: () => restore.forEach((r) => r()) };
}
