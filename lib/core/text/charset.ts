/**
 * Which character encoding an HTML page's bytes are in, as a browser decides it (the HTML standard's
 * encoding sniffing, in short): a byte-order mark first, then the charset the server declares in its
 * Content-Type, then a `<meta charset>` (or http-equiv) in the first KB, else UTF-8. A background check
 * reads a policy's bytes itself, so it must decode them as the browser did when the user visited the page:
 * otherwise an unchanged windows-1252 page reads as a new version at every check. The CLI reads saved
 * pages with the same pieces (cli/input.ts). Pure: no Node or browser API but TextDecoder.
 */

/** Bytes of a page read for a `<meta charset>`: the standard's prescan reads the first 1024. */
export const META_SNIFF_BYTES = 1024;

/** The charset a Content-Type value declares ("text/html; charset=ISO-8859-1"), if any. */
export function contentTypeCharset(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType.slice(0, 256));
  return m?.[1] ?? null;
}

/** The encoding a page declares in its first KB (`<meta charset>` or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, META_SNIFF_BYTES);
  let text = '';
  // Byte by byte (Latin-1): only the ASCII of the tags matters.
  for (let i = 0; i < head.length; i++) text += String.fromCharCode(head[i] ?? 0);
  // Each <meta ...> tag on its own, so no pattern scans across the whole head.
  const lower = text.toLowerCase();
  for (let at = lower.indexOf('<meta'); at >= 0; at = lower.indexOf('<meta', at + 5)) {
    const end = lower.indexOf('>', at);
    const tag = text.slice(at, end < 0 ? text.length : end);
    const m = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag);
    if (m) return m[1] ?? null;
  }
  return null;
}

/* Bytes 0x80-0x9F of windows-1252, which Node 20's decoder wrongly reads as C1 controls. */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** The bytes decoded as `label` (any WHATWG encoding label), or null when no decoder knows the label. */
export function decodeAs(label: string, bytes: Uint8Array): string | null {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return null;
  }
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c) : text;
}

/** What decided a page's encoding, in the order a browser asks. */
export type EncodingSource = 'bom' | 'content-type' | 'meta' | 'default';

export interface PageEncoding {
  /** TextDecoder's name for the encoding: "utf-8", "utf-16le", "windows-1252"… */
  encoding: string;
  source: EncodingSource;
  /** The label as the Content-Type or the page wrote it ("ISO-8859-1", "utf-16"); only from those two. */
  label?: string;
}

/** TextDecoder's name for an encoding label, or null when no decoder knows it. */
function encodingOf(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** The encoding a byte-order mark at the start of `bytes` names, or null (none, or too few bytes to tell). */
export function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
}

/**
 * The encoding a browser reads a page's bytes in, and what said so: a byte-order mark, then the server's
 * charset, then the page's own (`<meta charset>` in its first KB), then UTF-8. A label no decoder knows
 * is skipped. A page's own UTF-16 declaration (any of its labels: "utf-16", "unicode", "ucs-2") means
 * UTF-8, as browsers read it: the page's ASCII declared it, so it is not UTF-16.
 */
export function pageEncoding(bytes: Uint8Array, contentType: string | null | undefined): PageEncoding {
  const bom = bomEncoding(bytes);
  if (bom) return { encoding: bom, source: 'bom' };
  const server = contentTypeCharset(contentType);
  const fromServer = server === null ? null : encodingOf(server);
  if (server !== null && fromServer !== null) return { encoding: fromServer, source: 'content-type', label: server };
  const declared = declaredCharset(bytes);
  const fromPage = declared === null ? null : encodingOf(declared);
  if (declared !== null && fromPage !== null) return { encoding: fromPage.startsWith('utf-16') ? 'utf-8' : fromPage, source: 'meta', label: declared };
  return { encoding: 'utf-8', source: 'default' };
}

/**
 * An HTML page's text from its bytes and its Content-Type, in the encoding `pageEncoding` picks; a byte-order
 * mark is dropped. A page that declares nothing and whose bytes above ASCII are mostly not UTF-8 is read as
 * windows-1252, as browsers' detectors read an undeclared Latin page, not as UTF-8 with U+FFFD holes; one
 * that is mostly UTF-8 stays UTF-8 (a stray Latin-1 byte in a footer is one U+FFFD): the visited copy and a
 * background check of the same bytes must read alike.
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | null | undefined): string {
  const { encoding, source } = pageEncoding(bytes, contentType);
  if (source === 'default' && mostlyNotUtf8(bytes)) return decodeAs('windows-1252', bytes) ?? new TextDecoder('utf-8').decode(bytes);
  return decodeAs(encoding, bytes) ?? new TextDecoder('utf-8').decode(bytes);
}

/** Whether a text's bytes above ASCII are more often outside a valid UTF-8 sequence than inside one (one pass). */
function mostlyNotUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceAt(bytes, i);
    if (n > 0) {
      valid++;
      i += n;
    } else {
      invalid++;
      i++;
    }
  }
  return invalid > valid;
}

/**
 * The length of the well-formed UTF-8 character that starts at `i` (1 for ASCII), or 0 when none does: overlong
 * forms, surrogates and code points past U+10FFFF are not, as TextDecoder judges them.
 */
export function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b === undefined) return 0;
  if (b < 0x80) return 1;
  const [need, min] = b >= 0xc2 && b <= 0xdf ? [1, 0x80] : b >= 0xe0 && b <= 0xef ? [2, 0x800] : b >= 0xf0 && b <= 0xf4 ? [3, 0x10000] : [0, 0];
  if (need === 0) return 0;
  let cp = b & (0x3f >> need);
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined || (c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  return cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0 : need + 1;
}
