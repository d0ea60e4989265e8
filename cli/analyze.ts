/**
 * The two commands as functions from input files to the JSON documents of cli/output.ts. Human
 * output is rendered from the same documents, so both forms always say the same thing.
 *
 * HTML goes through the extension's own pipeline (gate → detection → extraction); Markdown and text
 * are taken as already-extracted policy text.
 */
import {
  CLI_SCHEMA_VERSION,
  DetectOutput,
  DiffOutput,
  type CliDocumentSummary,
  type CliFinding,
  type DetectOutput as DetectOutputT,
  type DiffOutput as DiffOutputT,
} from './output';
import { digestOf, type Detection, type PolicyDocument } from '../lib/core/schema';
import { explainer } from '../lib/core/explain';
import { analyzeChange, describePolicy } from '../lib/core/engine/index';
import { documentFromMarkdown } from '../lib/core/page/markdown';
import { processPage } from '../lib/core/page/pipeline';
import { extractPolicy } from '../lib/core/page/extract/index';
import { DETECT_BODY_CHARS, detectPolicy, readDetectionText } from '../lib/core/page/detect/detect';
import { guessLanguage } from '../lib/core/page/detect/text';
import { foldForMatch } from '../lib/core/page/detect/vocab';
import { loadHtml, loadPageWithinLimits, PageTooComplex, type LoadedPage } from './dom';
import { InputError, type InputFile } from './input';

export interface RunOptions {
  /** The language of headlines and the summary (BCP 47; English by default). */
  lang?: string;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Detection reads at most this many headings (h1-h4) and DETECT_BODY_CHARS of body text. */
const DETECTION_HEADINGS = 301;

/**
 * A minimal page built from already-extracted text, so the very same detector can judge it: headings
 * become h1-h6, list items li, everything else p. The title is the first heading, as a page's would be.
 * Only what detection reads is built: every block until the body text is past what it reads, then only
 * the headings it may still count, so a 20 MB text file costs what its first pages cost.
 */
export function htmlFromDocument(doc: PolicyDocument): string {
  const parts: string[] = [];
  let chars = 0;
  let headings = 0;
  for (const b of doc.blocks) {
    const heading = b.kind === 'heading';
    const counted = heading && (b.level ?? 2) <= 4;
    if (chars > DETECT_BODY_CHARS + 1_000 && !counted) continue;
    if (chars > DETECT_BODY_CHARS + 1_000 && headings >= DETECTION_HEADINGS) break;
    // A block is cut to what detection can still read (a 5 MB paragraph is one block).
    const t = escapeHtml(b.text.slice(0, Math.max(1_000, DETECT_BODY_CHARS + 1_000 - chars)));
    chars += b.text.length + 1;
    if (counted) headings++;
    if (heading) parts.push(`<h${b.level ?? 2}>${t}</h${b.level ?? 2}>`);
    else if (b.kind === 'list-item') parts.push(`<ul><li>${t}</li></ul>`);
    else parts.push(`<p>${t}</p>`);
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title></head><body><main>\n${parts.join('\n')}\n</main></body></html>`;
}

/** A saved page, parsed for extraction, or an input error when it is over the work bounds (cli/dom.ts). */
function loadForExtraction(input: InputFile, url: string): LoadedPage {
  try {
    return loadPageWithinLimits(input.text, url);
  } catch (error) {
    if (error instanceof PageTooComplex) throw new InputError(`${input.source}: ${error.message}`);
    throw error;
  }
}

function textDocument(input: InputFile, url: string): PolicyDocument {
  const language = guessLanguage(foldForMatch(input.text.slice(0, 40_000)));
  return documentFromMarkdown(input.text, { url, language });
}

interface ReadDocument {
  document: PolicyDocument;
  notes: string[];
}

/** The policy text of one diff input; HTML that the detector would not call a policy is still compared, with a note. */
export function readPolicy(input: InputFile, url: string, label: string): ReadDocument {
  if (input.format !== 'html') {
    const document = textDocument(input, url);
    if (document.blocks.length === 0) throw new InputError(`${input.source}: no text found`);
    return { document, notes: [] };
  }
  const page = loadForExtraction(input, url);
  try {
    const notes: string[] = [];
    const outcome = processPage(page.document, url);
    if (outcome.stage === 'extract') {
      if (!outcome.result.ok) throw new InputError(`${input.source}: could not extract the policy text (${outcome.result.reason})`);
      return { document: outcome.result.document, notes };
    }
    notes.push(
      outcome.stage === 'gate'
        ? `${label} (${input.source}): the extension would skip this page (${outcome.reason}); compared anyway`
        : `${label} (${input.source}): not recognised as a privacy policy (${outcome.detection.kind}, confidence ${outcome.detection.confidence}); compared anyway`,
    );
    const result = extractPolicy(page.document, url);
    if (!result.ok) throw new InputError(`${input.source}: could not extract any policy text (${result.reason})`);
    return { document: result.document, notes };
  } finally {
    page.close();
  }
}

function summarize(input: InputFile, url: string, doc: PolicyDocument): CliDocumentSummary {
  return {
    source: input.source,
    url,
    format: input.format,
    title: doc.title,
    statedDate: doc.statedDate,
    language: doc.language,
    words: doc.extraction.words,
    method: doc.extraction.method,
  };
}

export function runDiff(older: InputFile, newer: InputFile, urls: { older: string; newer: string }, options: RunOptions = {}): DiffOutputT {
  const a = readPolicy(older, urls.older, 'older');
  const b = readPolicy(newer, urls.newer, 'newer');
  const analysis = analyzeChange(a.document, b.document);
  const words = explainer(options.lang);
  const findings: CliFinding[] = analysis.findings.map((f) => ({
    id: f.id,
    category: f.category,
    kind: f.kind,
    severity: f.severity,
    headline: words.headline(f),
    evidence: f.evidence.map((e) => e.sentence),
    evidenceSpans: f.evidence.map((e) => e.spans),
    triggers: f.evidence.map((e) => e.triggers),
    before: f.evidence.map((e) => e.previous ?? null),
    beforeKept: f.evidence.map((e) => e.previousKept === true),
    gained: f.gained,
    signals: f.signals,
    section: f.section,
  }));
  const out: DiffOutputT = {
    command: 'diff',
    schemaVersion: CLI_SCHEMA_VERSION,
    older: summarize(older, urls.older, a.document),
    newer: summarize(newer, urls.newer, b.document),
    summary: words.summary(digestOf(analysis)),
    counts: analysis.counts,
    findings,
    changes: analysis.changes.length,
    truncated: analysis.truncated,
    notes: [...a.notes, ...b.notes],
  };
  // Parsing what we are about to print is what makes the documented schema a guarantee.
  return DiffOutput.parse(out);
}

function documentPart(doc: PolicyDocument): NonNullable<DetectOutputT['document']> {
  return {
    title: doc.title,
    statedDate: doc.statedDate,
    language: doc.language,
    words: doc.extraction.words,
    blocks: doc.blocks.length,
    method: doc.extraction.method,
    notes: doc.extraction.notes,
  };
}

export function runDetect(input: InputFile, url: string): DetectOutputT {
  const isText = input.format !== 'html';
  let detection: Detection;
  let document: PolicyDocument | undefined;
  let extractionError: string | undefined;
  if (isText) {
    // Text given to us as a policy is already extracted: only the detector runs, on a page built from
    // its headings and paragraphs (no gate, which only spares a browser work, and no Readability).
    const textDoc = textDocument(input, url);
    const page = loadHtml(htmlFromDocument(textDoc), url);
    try {
      detection = detectPolicy(page.document, url, { pageText: readDetectionText(page.document) });
    } catch (e) {
      detection = { kind: 'other', confidence: 0, language: 'und', reasons: [`detection failed: ${e instanceof Error ? e.message : String(e)}`] };
    } finally {
      page.close();
    }
    if (detection.kind !== 'other') document = { ...textDoc, language: textDoc.language === 'und' ? detection.language : textDoc.language };
  } else {
    const page = loadForExtraction(input, url);
    try {
      const outcome = processPage(page.document, url);
      if (outcome.stage === 'gate') {
        // The gate is a hard filter in the extension: past it nothing else looks at the page.
        detection = { kind: 'other', confidence: 1, language: 'und', reasons: [`gate: ${outcome.reason}; the extension stops here`] };
      } else {
        detection = outcome.detection;
        if (outcome.stage === 'extract') {
          if (outcome.result.ok) document = outcome.result.document;
          else extractionError = outcome.result.reason;
        }
      }
    } finally {
      page.close();
    }
  }
  const reasons = isText
    ? [`input is ${input.format}: detection ran on a page built from its headings and paragraphs`, ...detection.reasons]
    : detection.reasons;
  const out: DetectOutputT = {
    command: 'detect',
    schemaVersion: CLI_SCHEMA_VERSION,
    source: input.source,
    url,
    format: input.format,
    kind: detection.kind,
    confidence: detection.confidence,
    language: detection.language,
    reasons,
  };
  if (document) {
    out.document = documentPart(document);
    out.statements = describePolicy(document);
  }
  if (extractionError) out.extractionError = extractionError;
  return DetectOutput.parse(out);
}
