/**
 * Tables of marks, read with their header: "Category | Sold" over "Biometric information | ✘".
 *
 * A table row reaches the engine as its cells joined by " | ", without its header. In a table of marks the
 * header is what a mark means: "Biometric information | ✘" under "Category | Sold" says the policy does not
 * sell biometric data, and the same row with "✔" says it does. Read alone, the two rows are the same words
 * (a mark is not a word), so a company that ticks "Sold" for one more category changed nothing that the
 * comparison saw. Here each mark row is read with its header: a "yes" mark as the header's words ("Sold"),
 * a "no" mark as nothing, a "Yes, for ads" cell as "Sold: for ads". A row whose every mark says no states
 * none of its columns, so it is not read after its list's lead-in either ("The categories we sold:" does not
 * make "Biometric information | ✘" a sale).
 *
 * Which row is a header is not in the document (the Markdown separator and the HTML `<th>` are gone by
 * then, and stored versions could not be given it): it is the row just before the first row of marks, when
 * it has the same number of cells and no mark, and it holds until a row of another width. A row of words
 * just before more rows of marks starts a new table (two tables written one after the other). Both
 * versions of a policy are read by the same rule, so a misread header misreads them alike.
 *
 * Pure, and linear in the number of blocks.
 */

/** Cells a table of marks uses to say yes, and no, compared lower-cased without emphasis or a final stop. */
const YES = new Set(['✔', '✔️', '✔︎', '✓', '☑', '☑️', '✅', '☒', 'x', 'yes', 'y', 'oui', 'ja', 'sí', 'si', 'sim', 'true']);
const NO = new Set(['✘', '✗', '✕', '✖', '✖️', '❌', '☐', 'no', 'n', 'non', 'nein', 'nee', 'não', 'nao', 'none', '-', '–', '—', 'n/a', 'na', 'false']);
/** "Yes, to comply with a legal obligation": a yes with what it is for. */
const YES_WITH = /^(?:yes|oui|ja|sí|si|sim)\s*[,:;.–—-]\s*(\S.*)$/i;

/** A header cell: a label, not a sentence (at most this many words). */
const HEADER_WORDS = 16;

type Mark = 'yes' | 'no' | { yesWith: string } | null;

function bare(cell: string): string {
  return cell.replace(/[*_`]/g, '').trim().replace(/\.$/, '').toLowerCase();
}

function markOf(cell: string): Mark {
  const b = bare(cell);
  if (YES.has(b)) return 'yes';
  if (NO.has(b)) return 'no';
  const m = YES_WITH.exec(cell.replace(/[*_`]/g, '').trim());
  return m ? { yesWith: m[1] ?? '' } : null;
}

const cellsOf = (text: string) => text.split(' | ');

/** How one block is read, where a table of marks makes it differ from its text. */
export interface TableReading {
  /** The row's words with its header's in place of its marks. */
  read: string;
  /** Every mark of the row says no: it states nothing, and is not read after a lead-in. */
  allNo?: true;
  /** The header of a table of marks: it names columns and states nothing on its own. */
  header?: true;
}

/**
 * For each block, how a table of marks makes it read (undefined: as its text). `texts[i]` is the block's
 * text and `isRow(i)` whether it is a table row.
 */
export function tableReadings(texts: readonly string[], isRow: (i: number) => boolean): Array<TableReading | undefined> {
  const out: Array<TableReading | undefined> = new Array(texts.length);
  const marks = texts.map((t, i) => (isRow(i) ? cellsOf(t).map((c, j) => (j === 0 ? null : markOf(c))) : undefined));
  const hasMark = (i: number) => marks[i]?.some((m) => m !== null) ?? false;
  let header: string[] | undefined;
  for (let i = 0; i < texts.length; i++) {
    const m = marks[i];
    if (!m) {
      header = undefined;
      continue;
    }
    const text = texts[i] ?? '';
    const width = m.length;
    if (header && header.length !== width) header = undefined;
    if (!hasMark(i)) {
      // A row of labels just before a row of marks of its width is a header (a new one, if a table was open).
      const next = marks[i + 1];
      const cells = cellsOf(text);
      if (next && next.length === width && width >= 2 && hasMark(i + 1) && cells.every((c) => c.trim() && c.split(/\s+/).length <= HEADER_WORDS)) {
        header = cells.map((c) => c.replace(/[*_`]/g, '').trim());
        out[i] = { read: text, header: true };
      }
      continue;
    }
    if (!header) continue;
    const cells = cellsOf(text);
    const read: string[] = [];
    let yes = false;
    cells.forEach((c, j) => {
      const mark = m[j];
      const h = header?.[j] ?? '';
      if (mark === 'yes') {
        read.push(h);
        yes = true;
      } else if (mark && mark !== 'no') {
        read.push(`${h}: ${mark.yesWith}`);
        yes = true;
      } else if (mark !== 'no') read.push(c);
    });
    out[i] = { read: read.join(' | '), ...(yes ? {} : { allNo: true as const }) };
  }
  return out;
}
