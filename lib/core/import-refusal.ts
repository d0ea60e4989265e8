/**
 * Why a history file is refused, by code: the store decides (lib/history/transfer.ts importAll), the
 * protocol carries the code with its values beside the English sentence, and the options page words it in
 * the user's language (lib/core/explain, ui.options.importRefused). The values come from the file, so
 * they are bounded here; what the file's checker says in detail (`detail`) is technical and stays English.
 */
import { z } from 'zod';

/** Characters of a value taken from the file (a site, an address, the checker's detail). */
export const MAX_REFUSAL_VALUE = 200;
const Value = z.string().transform((s) => (s.length > MAX_REFUSAL_VALUE ? `${s.slice(0, MAX_REFUSAL_VALUE - 1)}…` : s));

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
]);
export type ImportRefusal = z.infer<typeof ImportRefusal>;
