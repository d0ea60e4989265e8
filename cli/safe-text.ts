/**
 * Text from a page or a file, written so that a terminal shows it rather than obeys it: the human output
 * writes such characters as escapes (`visible`), and the JSON output writes them as JSON's own `\uXXXX`
 * escapes (`jsonText`), which parse back to the very same string.
 */

/**
 * Characters a terminal obeys rather than shows: C0 controls but tab and line feed (ESC starts a colour,
 * a cursor move or a title change; CR overwrites a line), DEL, the C1 controls (U+009B is an 8-bit CSI),
 * and the bidirectional overrides and isolates that reorder a line.
 */
// eslint-disable-next-line no-control-regex
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const OBEYED_OR_ESCAPE = new RegExp(`${OBEYED.source}|\\\\(?=u)`, 'g');

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text with each obeyed character as its escape (`\u001b`), so a policy cannot hide, fake or move what
 * the reader sees; and a backslash before "u" doubled, so a policy's own text "\u001b" cannot pass for one.
 */
export const visible = (s: string): string => s.replace(OBEYED_OR_ESCAPE, (c) => (c === '\\' ? '\\\\' : escape(c)));

/** One line of output from a file's values: `visible`, and a line feed in them shown too (`\u000a`). */
export const visibleLine = (s: string): string => visible(s).replaceAll('\n', '\\u000a');

/** Those (JSON.stringify escapes the C0 ones itself), and the line and paragraph separators, which some viewers take for line ends. */
const RAW_IN_JSON = new RegExp(`${OBEYED.source}|[\\u2028\\u2029]`, 'g');

/**
 * JSON.stringify, with the obeyed characters (and U+2028, U+2029) as `\uXXXX`: `--json` and batch
 * output can go to a terminal too. Lossless: JSON.parse gives back the same value. Such characters occur
 * only inside JSON strings, where a backslash is always part of an escape of its own, so each is replaced
 * as it stands.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(RAW_IN_JSON, escape);
}
