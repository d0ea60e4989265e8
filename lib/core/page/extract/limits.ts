/**
 * How much page Readability is given (see extract.ts, which applies them). Apart from the extractor so that
 * the content script's copy (utils/page-capture.ts) can stop at the same depth without bringing Readability
 * into the bundle every page pays for.
 *
 * Readability's work grows with the elements times their depth, and more than that: each candidate's text
 * and links are read through its whole subtree, again for every ancestor (`_cleanConditionally`), so four
 * chains of 300 nested divs (a 120 KB page) took 9 s on jsdom where a flat 2 MB policy takes 2 s. A page past
 * these bounds is not extracted: a clear failure, and no version made of what a cheaper reader would make of
 * it (the fallback reads paragraphs, which such div soup has none of). The bounds are about twice the largest
 * of the corpus's 432 real pages (49 levels, 120,183 element-levels); the depth one is half of what
 * Chromium's parser builds. The CLI refuses such pages before parsing them (cli/dom.ts), as jsdom itself is
 * slow on them. Depth is counted with the body at level 1.
 */
export const READABILITY_LIMITS = { depth: 256, elementLevels: 250_000, deepFrom: 64, shallowElementLevels: 500_000 };
