/**
 * The one message protocol between the content scripts, the extension pages and the background.
 * Every message is `{ type, data }`; `data` is parsed with the schema below on receipt, and the
 * background refuses a type that is not in this map or that comes from the wrong kind of sender.
 *
 * Pure: the sending and receiving live in utils/messaging.ts.
 */
import { z } from 'zod';
import { Why } from '../core/page/discover';
import { DomTask, DomTaskResult } from '../core/page/dom-tasks';
import { MAX_PAGE_CHARS, TRANSFER_CHUNK } from '../core/limits';
import { CheckFailure } from '../core/check-failure';
import { ImportLeftOut, ImportRefusal } from '../core/import-refusal';
import { ChainView, Comparison, HistoryView, OptionsView, Settings, TabState } from './views';

/**
 * Who may send a message: a content script in a tab, one of our own extension pages, or our background
 * (to the offscreen document only).
 */
export type SenderKind = 'tab' | 'extension-page' | 'background';

const TabRef = z.object({ tabId: z.number().int().nonnegative() });

const TransferId = z.string().min(1).max(100);
/** A text the background holds for a page to read in pieces (readTransfer): its id and its length. */
export const Transfer = z.object({ id: TransferId, length: z.number().int().nonnegative() });
export type Transfer = z.infer<typeof Transfer>;

export const Protocol = {
  /**
   * Content script: the cheap gate passed; here is a serialised copy of the page. Detection and
   * extraction run on that copy in the background's DOM (Chrome's offscreen document, Firefox's event
   * page), never on the user's page or its main thread.
   */
  pageCaptured: {
    from: 'tab',
    request: z.object({ url: z.string().max(8192), reason: z.string().max(500), html: z.string().max(MAX_PAGE_CHARS) }),
    // `reason`: why a page was 'ignored' (a code: 'private-window').
    response: z.object({ status: z.string(), reason: z.string().optional() }),
  },
  /** Popup: everything it shows about the site of a tab. */
  getTabState: { from: 'extension-page', request: TabRef, response: TabState },
  /** Popup: clear the alert for a version. */
  markReviewed: {
    from: 'extension-page',
    request: z.object({ versionId: z.string().max(200) }),
    response: z.object({ ok: z.boolean() }),
  },
  /** Popup: open or scroll the policy page to a passage and highlight it there. */
  showOnPage: {
    from: 'extension-page',
    // Only a web page is opened: an address from an imported file or a damaged record never reaches tabs.create.
    // A long sentence travels as its head and tail (lib/core/page/locate.ts quoteParts), so every quote fits.
    request: z.object({ tabId: z.number().int().nonnegative().nullable(), url: z.string().max(8192).regex(/^https?:\/\//i), quote: z.string().max(5000), quoteEnd: z.string().max(1000).optional() }),
    /** `elsewhere`: once loaded, the tab showed another site than the policy's, so nothing was highlighted. */
    response: z.object({ found: z.boolean(), tabId: z.number().int(), elsewhere: z.boolean().optional() }),
  },
  /** History page: the timeline of a site's versions. */
  getHistory: { from: 'extension-page', request: z.object({ site: z.string().max(300) }), response: HistoryView },
  /** History page: compare any two versions of one policy. */
  compareVersions: {
    from: 'extension-page',
    request: z.object({ olderId: z.string().max(200), newerId: z.string().max(200) }),
    response: Comparison,
  },
  /** Options page: watched sites, settings, storage used. */
  getOptions: { from: 'extension-page', request: z.object({}), response: OptionsView },
  /** Popup or options: close the notice of what was removed to make room (a failed save's notice stays). */
  dismissStorageProblem: { from: 'extension-page', request: z.object({}), response: z.object({ dismissed: z.boolean() }) },
  /** Popup or options: start watching a site; finds policy URL candidates from the site's pages. */
  discoverPolicy: {
    from: 'extension-page',
    request: z.object({ input: z.string().min(1).max(2000) }),
    response: z.object({ site: z.string(), candidates: z.array(z.object({ url: z.string(), why: Why })) }),
  },
  /** Options or popup: confirm the policy URL to watch for a site. */
  watchSite: {
    from: 'extension-page',
    request: z.object({ policyUrl: z.string().url().max(8192), frequencyHours: z.number().int().min(1).max(720).optional() }),
    response: z.object({ ok: z.boolean(), site: z.string() }),
  },
  unwatchSite: { from: 'extension-page', request: z.object({ site: z.string().max(300) }), response: z.object({ ok: z.boolean() }) },
  setWatchFrequency: {
    from: 'extension-page',
    request: z.object({ site: z.string().max(300), frequencyHours: z.number().int().min(1).max(720) }),
    response: z.object({ ok: z.boolean() }),
  },
  /** Options: check a watched site now (also what the alarm does). */
  checkNow: {
    from: 'extension-page',
    request: z.object({ site: z.string().max(300) }),
    // `failure` as a code for the page to word in the reader's language; `reason` its English sentence.
    // `reviewable`: false only for a change analysed with nothing to review while the entry says "Up to date"
    // (only formatting); a change not analysed yet, or one beside an earlier change awaiting review, is true.
    // `analysed`: false for a new version not compared yet (its analysis failed; the backfill compares it later).
    response: z.object({ status: z.string(), reason: z.string().nullable(), failure: CheckFailure.nullable().default(null), reviewable: z.boolean().default(true), analysed: z.boolean().default(true) }),
  },
  setSettings: { from: 'extension-page', request: Settings.partial(), response: Settings },
  // Exports and imports travel in pieces of TRANSFER_CHUNK characters (readTransfer, writeTransfer): a
  // history or an evidence file can be larger than one message may be (Chrome: 64 MiB).
  exportHistory: { from: 'extension-page', request: z.object({}), response: z.object({ transfer: Transfer }) },
  /** Options or history page: the next piece of an export the background holds. */
  readTransfer: { from: 'extension-page', request: z.object({ id: TransferId, offset: z.number().int().nonnegative() }), response: z.object({ text: z.string() }) },
  /** Options page: a piece of a file to import; `id` null starts a new one. */
  writeTransfer: { from: 'extension-page', request: z.object({ id: TransferId.nullable(), text: z.string().max(TRANSFER_CHUNK) }), response: z.object({ id: TransferId }) },
  importHistory: {
    from: 'extension-page',
    // The file, sent before in pieces (writeTransfer).
    request: z.object({ transfer: TransferId }),
    // `outcome` as codes for the page to word; `message` in English (the store's own reason for a refusal).
    response: z.object({
      ok: z.boolean(),
      message: z.string(),
      outcome: z.discriminatedUnion('kind', [
        // `leftOut`: policies of the file not imported (the rest was), and why; null when none was.
        z.object({ kind: z.literal('imported'), added: z.number().int().nonnegative(), skipped: z.number().int().nonnegative(), leftOut: ImportLeftOut.nullable().default(null) }),
        z.object({ kind: z.literal('not-json') }),
        z.object({ kind: z.literal('full') }),
        // `refusal` null: a refusal without a code (the store could not write; its English sentence is `message`).
        z.object({ kind: z.literal('refused'), refusal: ImportRefusal.nullable().default(null) }),
      ]),
    }),
  },
  /** History or options page: the evidence export (WARC 1.1) of one site, or of every site (null). */
  exportEvidence: {
    from: 'extension-page',
    request: z.object({ site: z.string().min(1).max(300).nullable() }),
    // The WARC is UTF-8 throughout (pages and texts are stored from strings), so it travels as text, in pieces.
    response: z.object({ transfer: Transfer, filename: z.string(), records: z.number().int().nonnegative() }),
  },
  /** History page: whether each policy's record (hash chain, texts, kept pages) verifies. */
  verifySite: { from: 'extension-page', request: z.object({ site: z.string().max(300) }), response: z.array(ChainView) },
} as const;

/**
 * The second channel: the background asks Chrome's offscreen document (which has a DOM) to parse a
 * page. Its messages carry `channel: 'offscreen'`, so neither side ever answers the other's messages.
 */
export const OffscreenProtocol = {
  runDomTask: { from: 'background', request: DomTask, response: DomTaskResult },
} as const;

export const CHANNELS = { background: Protocol, offscreen: OffscreenProtocol } as const;
export type Channel = keyof typeof CHANNELS;

export type MessageType = keyof typeof Protocol;
export type OffscreenMessageType = keyof typeof OffscreenProtocol;
type Spec = { from: SenderKind; request: z.ZodType; response: z.ZodType };
type Table = Record<string, Spec>;
export type Request<T extends MessageType> = z.infer<(typeof Protocol)[T]['request']>;
export type Response<T extends MessageType> = z.infer<(typeof Protocol)[T]['response']>;
export type OffscreenRequest<T extends OffscreenMessageType> = z.infer<(typeof OffscreenProtocol)[T]['request']>;
export type OffscreenResponse<T extends OffscreenMessageType> = z.infer<(typeof OffscreenProtocol)[T]['response']>;

export const Envelope = z.object({ type: z.string().max(64), data: z.unknown(), channel: z.enum(['offscreen']).optional() });

export type Parsed<T extends string = MessageType> =
  | { ok: true; type: T; data: unknown }
  | { ok: false; error: string };

/** The channel a raw message is meant for, or null when it is not one of ours at all. */
export function channelOf(raw: unknown): Channel | null {
  const env = Envelope.safeParse(raw);
  if (!env.success) return null;
  return env.data.channel ?? 'background';
}

/** Checks a raw message against one channel's protocol and the sender kind; never throws. */
export function parseMessage(raw: unknown, sender: SenderKind, channel: Channel = 'background'): Parsed<string> {
  const env = Envelope.safeParse(raw);
  if (!env.success) return { ok: false, error: 'not a Clausewatch message' };
  if ((env.data.channel ?? 'background') !== channel) return { ok: false, error: `not a message for the ${channel}` };
  const { type } = env.data;
  const table: Table = CHANNELS[channel];
  if (!Object.hasOwn(table, type)) return { ok: false, error: `unknown message type "${type}"` };
  const spec = table[type] as Spec;
  if (spec.from !== sender) return { ok: false, error: `"${type}" is not accepted from a ${sender}` };
  const data = spec.request.safeParse(env.data.data);
  if (!data.success) return { ok: false, error: `invalid "${type}": ${data.error.issues[0]?.message ?? 'bad data'}` };
  return { ok: true, type, data: data.data };
}

/** The response schema of a message type on a channel (for checking what a handler returns). */
export function responseSchema(channel: Channel, type: string): z.ZodType | null {
  const table: Table = CHANNELS[channel];
  return Object.hasOwn(table, type) ? (table[type] as Spec).response : null;
}
