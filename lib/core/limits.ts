/** Limits shared by code that must stay free of zod (the every-page content script) and the schemas. */

/** Larger pages are not policies anyone reads; the content script does not send them. */
export const MAX_PAGE_CHARS = 12_000_000;

/** Characters of an export or import per message: far under what a message may carry (Chrome: 64 MiB). */
export const TRANSFER_CHUNK = 4_000_000;
/** The most characters an import may have (a history file). */
export const MAX_IMPORT_CHARS = 200_000_000;
/**
 * The most characters the versions of an import may hold together once each is written out whole, in the
 * form it is hashed in (each paragraph with its kind and headings: lib/history/hash.ts canonicalBlock). A
 * history file writes a paragraph its versions share once (lib/history/history-file.ts), and each version is
 * hashed whole on import, so this bounds that work: about 2,500 versions of a 400,000-character policy, or
 * 12,000 of a long one of 80,000.
 */
export const MAX_IMPORT_TEXT_CHARS = 1_000_000_000;
/** The same for one version: four times the largest page kept, for headings repeated with each paragraph. */
export const MAX_IMPORT_VERSION_CHARS = 4 * MAX_PAGE_CHARS;
/**
 * The most paragraphs the versions of an import may list together: each costs a key and a place in memory
 * however short it is. A file of whole versions within MAX_IMPORT_CHARS lists at most about 4.5 million.
 */
export const MAX_IMPORT_PARAGRAPHS = 10_000_000;
