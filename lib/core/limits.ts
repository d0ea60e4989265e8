/** Limits shared by code that must stay free of zod (the every-page content script) and the schemas. */

/** Larger pages are not policies anyone reads; the content script does not send them. */
export const MAX_PAGE_CHARS = 12_000_000;
