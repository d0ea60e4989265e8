/**
 * Trimming by a set of characters, as a loop: a regular expression such as `/[\s:]+$/` tries every
 * start position and costs time quadratic in a long run that does not reach the end.
 */

const WHITESPACE = /\s/;

/** The text without the trailing characters for which `drop` is true. */
export function trimEndWhere(text: string, drop: (ch: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
}

/** The text without any trailing character of `chars` (and whitespace when `chars` includes a space). */
export function trimEndChars(text: string, chars: string): string {
  const space = chars.includes(' ');
  return trimEndWhere(text, (ch) => chars.includes(ch) || (space && WHITESPACE.test(ch)));
}

/** Leading whitespace, the text, trailing whitespace: so a mark can hug the words. */
export function splitOuterSpace(text: string): [string, string, string] {
  let start = 0;
  while (start < text.length && WHITESPACE.test(text[start] ?? '')) start++;
  if (start === text.length) return [text, '', ''];
  let end = text.length;
  while (end > start && WHITESPACE.test(text[end - 1] ?? '')) end--;
  return [text.slice(0, start), text.slice(start, end), text.slice(end)];
}

/** Where `needle` (lower-case ASCII) occurs in `text` at or after `from`, ignoring ASCII case; -1 if nowhere. */
export function indexOfAsciiIgnoreCase(text: string, needle: string, from = 0): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = Math.max(0, from); i + needle.length <= text.length; i++) {
    if ((text.charCodeAt(i) | 0x20) !== first) continue;
    for (let k = 1; k < needle.length; k++) {
      const c = text.charCodeAt(i + k);
      const n = needle.charCodeAt(k);
      if (c !== n && (n < 0x61 || n > 0x7a || (c | 0x20) !== n)) continue outer;
    }
    return i;
  }
  return -1;
}
