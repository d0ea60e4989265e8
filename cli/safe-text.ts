/**
 * Text from a page or a file, written so that a terminal shows it rather than obeys it: the human output
 * writes such characters as escapes (`visible`), and the JSON output writes them as JSON's own `\uXXXX`
 * escapes (`jsonText`), which parse back to the very same string.
 */

/**
 * Characters a terminal obeys, or that change what it shows without being seen themselves: C0 controls
 * but tab and line feed (ESC starts a colour, a cursor move or a title change; CR overwrites a line),
 * DEL, the C1 controls (U+009B is an 8-bit CSI); every format character (\p{Cf}): the bidirectional
 * overrides, isolates and marks that reorder a line (U+202E, U+2067, U+200F, U+061C), invisible ones
 * (U+200B, U+2060, U+FEFF), the interlinear annotations that hide text (U+FFF9-B), the tag characters
 * that carry invisible text (U+E0000-7F); and the line and paragraph separators (U+2028, U+2029), which
 * some viewers take for line ends. As the extension's own `shownValue` (lib/core/import-refusal.ts) does,
 * with three format characters left as they are, being part of ordinary words and moving or hiding
 * nothing: the soft hyphen (U+00AD, a hyphenation point in German or Dutch words, shown at most as a
 * hyphen), and the zero-width non-joiner and joiner (U+200C, U+200D: Persian and Indic spelling, emoji).
 */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/u;
const KEPT = new Set(['\u00ad', '\u200c', '\u200d']);
const hidden = (c: string): boolean => !KEPT.has(c);

/** Each UTF-16 unit of a character as `\uXXXX`: a tag character is `\udb40\udc41`, as JSON writes it. */
const escape = (c: string): string => {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
};

/** Those characters, a lone surrogate (not text), and a backslash before "u". */
const HIDDEN_OR_ESCAPE = new RegExp(`${HIDDEN.source}|\\p{Cs}|\\\\(?=u)`, 'gu');

/**
 * Text with each hidden character as its escape (`\u001b`, `\u200f`), so a policy cannot hide, fake or
 * move what the reader sees; and a backslash before "u" doubled, so a policy's own text "\u001b" cannot
 * pass for one.
 */
export const visible = (s: string): string => s.replace(HIDDEN_OR_ESCAPE, (c) => (c === '\\' ? '\\\\' : hidden(c) ? escape(c) : c));

/** One line of output from a file's values: `visible`, and a line feed in them shown too (`\u000a`). */
export const visibleLine = (s: string): string => visible(s).replaceAll('\n', '\\u000a');

/** The same characters in JSON (JSON.stringify escapes the C0 ones and lone surrogates itself). */
const RAW_IN_JSON = new RegExp(HIDDEN.source, 'gu');

/**
 * JSON.stringify, with the hidden characters as `\uXXXX`: `--json` and batch output can go to a
 * terminal too. Lossless: JSON.parse gives back the same value. Such characters occur only inside JSON
 * strings, where a backslash is always part of an escape of its own, so each is replaced as it stands.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(RAW_IN_JSON, (c) => (hidden(c) ? escape(c) : c));
}
