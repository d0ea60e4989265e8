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
