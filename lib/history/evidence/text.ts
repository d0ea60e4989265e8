/**
 * The extracted text of a version as one readable file: what a `resource` record of the export holds,
 * and what each chain entry's `textSha256` is the SHA-256 of (its UTF-8 bytes), so anyone can check a
 * text against the chain with `sha256sum`.
 *
 * FROZEN (format 1): every stored chain entry hashes this rendering. Changing it would make every
 * existing chain fail to verify; a new rendering needs a new format number beside this one.
 *
 *   Title: <title>
 *   Stated date: <YYYY-MM-DD or none>
 *
 *   ## <heading>            one '#' per heading level (2 when none is recorded)
 *
 *   <paragraph>
 *
 *   - <list item>
 *
 *   | <table row>
 *
 * Blocks are separated by a blank line; the file ends with one newline. Block text is a single line
 * (extraction normalises whitespace).
 */
import type { PolicyDocument } from '../../core/schema';
import { sha256Hex } from './digest';

export const TEXT_FORMAT = 1;

export type TextSource = Pick<PolicyDocument, 'title' | 'statedDate' | 'blocks'>;

export function renderExtractedText(doc: TextSource): string {
  const parts = [`Title: ${doc.title}\nStated date: ${doc.statedDate ?? 'none'}`];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        parts.push(`${'#'.repeat(block.level ?? 2)} ${block.text}`);
        break;
      case 'list-item':
        parts.push(`- ${block.text}`);
        break;
      case 'table-row':
        parts.push(`| ${block.text}`);
        break;
      default:
        parts.push(block.text);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

export function textSha256(doc: TextSource): string {
  return sha256Hex(renderExtractedText(doc));
}
