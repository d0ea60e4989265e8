/** Limits shared by code that must stay free of zod (the every-page content script) and the schemas. */

/** Larger pages are not policies anyone reads; the content script does not send them. */
export const MAX_PAGE_CHARS = 12_000_000;

/** Characters of an export or import per message: far under what a message may carry (Chrome: 64 MiB). */
export const TRANSFER_CHUNK = 4_000_000;
/** The most characters an import may have (a history file). */
export const MAX_IMPORT_CHARS = 200_000_000;
/**
 * The most characters of text the versions of an import may hold together once each is written out whole
 * (a history file writes a paragraph its versions share once: lib/history/history-file.ts). Each version's
 * text is hashed whole on import, so this bounds that work: about 2,500 versions of a 400,000-character
 * policy, or 12,000 of a long one of 80,000.
 */
export const MAX_IMPORT_TEXT_CHARS = 1_000_000_000;
