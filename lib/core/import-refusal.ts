/**
 * Why a history file is refused, by code: the store decides (lib/history/transfer.ts importAll), the
 * protocol carries the code with its values beside the English sentence, and the options page words it in
 * the user's language (lib/core/explain, ui.options.importRefused). The values come from the file, so
 * they are bounded here; what the file's checker says in detail (`detail`) is technical and stays English.
 * A failure of the store nobody foresaw has no code: the page words it as an unexpected error, with the
 * store's sentence as its technical detail (pages/transfer.ts importReplyText). An import that went through
 * may still have left some policies out (`ImportLeftOut`), coded and worded the same way.
 */
import { z } from 'zod';

/** Characters of a value taken from the file (a site, an address, the checker's detail). */
export const MAX_REFUSAL_VALUE = 200;

/**
 * A value from the file as it may be shown: at most MAX_REFUSAL_VALUE characters (whole code points, so no
 * half of an emoji), and every control, formatting or line-separating character and every lone surrogate
 * written as its escape ("\u202e", "\u2028", "\u{e0041}"), so a hostile site name cannot break a line or
 * reorder the sentence around it.
 */
export function shownValue(s: string): string {
  const chars = Array.from(s);
  const cut = chars.length > MAX_REFUSAL_VALUE ? [...chars.slice(0, MAX_REFUSAL_VALUE - 1), '…'] : chars;
  return cut.map((c) => (HIDDEN.test(c) ? escapeOf(c.codePointAt(0) ?? 0) : c)).join('');
}
const HIDDEN = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]$/u;
const escapeOf = (code: number) => (code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`);
const Value = z.string().transform(shownValue);

export const ImportRefusal = z.discriminatedUnion('kind', [
  /** Not a Clausewatch history file at all. */
  z.object({ kind: z.literal('not-ours') }),
  /** A Clausewatch history file its checker refuses: damaged, or from an unsupported version. */
  z.object({ kind: z.literal('damaged'), detail: Value }),
  /** It names a site that is no site name. */
  z.object({ kind: z.literal('bad-site'), site: Value }),
  /** A version's text does not match its checksum (`version` counts from 1 within `policy`). */
  z.object({ kind: z.literal('checksum'), version: z.number().int().positive(), policy: Value }),
  /** A policy of `site` at an address outside it. */
  z.object({ kind: z.literal('outside'), site: Value, address: Value }),
  /**
   * A version of `policy` seen `seen` (a day, YYYY-MM-DD), after this computer's date and a day: the clock of
   * the computer that recorded it was ahead, or the file was altered.
   */
  z.object({ kind: z.literal('future'), policy: Value, seen: Value }),
  /**
   * More than an import takes (lib/core/limits.ts): its versions' text together, or the paragraphs they list
   * together, past `limit`; with `policy`, one version of that policy past `limit` characters.
   */
  z.object({ kind: z.literal('too-large'), unit: z.enum(['characters', 'paragraphs']), limit: z.number().int().positive(), policy: Value.optional() }),
  /** The history database was closed (the extension was just updated or reloaded): reload the page. */
  z.object({ kind: z.literal('store-closed') }),
]);
export type ImportRefusal = z.infer<typeof ImportRefusal>;

/**
 * Policies of a file an import left out while it imported the rest (their versions with them), and why:
 * the store decides (importAll), the protocol carries it beside the counts of the import, and the options
 * page words it (lib/core/explain, ui.options.importLeftOut).
 */
export const ImportLeftOut = z.discriminatedUnion('kind', [
  /**
   * New policies of sites that had, or with the file's earlier policies reached, the most policies one site
   * may have (`limit`: lib/history/save.ts MAX_POLICIES_PER_SITE, which a capture is held to as well):
   * `policies` of them, with `versions` versions, of `sites` sites, the first of which is `site`.
   */
  z.object({
    kind: z.literal('site-limit'),
    limit: z.number().int().positive(),
    policies: z.number().int().positive(),
    versions: z.number().int().nonnegative(),
    site: Value,
    sites: z.number().int().positive(),
  }),
]);
export type ImportLeftOut = z.infer<typeof ImportLeftOut>;
