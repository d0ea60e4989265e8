/**
 * `npm run eval -- detection`: runs the gate, the detector and (on pages we call policies) the
 * extractor over corpus/detection, each page loaded into jsdom with its source URL, and prints
 * precision/recall/F1 for privacy-policy vs other, the gate's recall and pass rate, every
 * misclassified page with its reasons, and extraction statistics.
 *
 * Options: --verbose (features of every page), --no-extract.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gateDocument } from '../../lib/core/page/detect/gate';
import { detectPolicyWithFeatures, readDetectionText } from '../../lib/core/page/detect/detect';
import { extractPolicy } from '../../lib/core/page/extract/extract';
import { loadHtmlFile } from '../lib/dom';
import { corpusDir } from '../lib/corpus';

interface Row {
  file: string;
  label: 'privacy_policy' | 'not_privacy_policy' | 'privacy_adjacent' | 'blocked_or_empty_page';
  document_type: string;
  dataset: string;
  source_url: string | null;
}


function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))));
  return sorted[i] ?? 0;
}

export async function run(args: string[]): Promise<number> {
  const verbose = args.includes('--verbose');
  const doExtract = !args.includes('--no-extract');
  const dir = corpusDir();
  const indexPath = join(dir, 'detection', 'index.jsonl');
  if (!existsSync(indexPath)) {
    console.log(`Corpus not found at ${indexPath} (set CLAUSEWATCH_CORPUS); skipping the detection eval.`);
    return 0;
  }
  const rows = readFileSync(indexPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);

  let tp = 0, fp = 0, fn = 0, tn = 0;
  let gatePolicies = 0, gatePoliciesPassed = 0, gateOthers = 0, gateOthersPassed = 0;
  // Ordinary web pages (not legal documents) are what the gate exists to dismiss: reported apart.
  let gateOrdinary = 0, gateOrdinaryPassed = 0;
  const mistakes: string[] = [];
  const adjacent: string[] = [];
  const blocked: string[] = [];
  const methods: Record<string, number> = {};
  const words: number[] = [];
  const failures: string[] = [];
  let withDate = 0;
  let extracted = 0;
  const started = performance.now();

  for (const row of rows) {
    const path = join(dir, row.file);
    if (!existsSync(path)) {
      console.log(`missing file: ${row.file}`);
      continue;
    }
    const { document, url, close } = loadHtmlFile(path, row.source_url);
    const g = gateDocument(document, url).verdict;
    // As lib/core/page/pipeline.ts runs them: one body read, shared by detection and extraction.
    const pageText = readDetectionText(document);
    const { detection, features } = detectPolicyWithFeatures(document, url, { pageText });
    // The gate is applied as in the extension: a page it dismisses is "other" whatever the detector says.
    const said = g.pass ? detection.kind : 'other';
    const isPolicy = row.label === 'privacy_policy';
    const why = `${said} (${detection.confidence}) gate: ${g.reason}; ${detection.reasons.join('; ')}`;
    if (verbose) console.log(`${row.label}\t${said}\t${features.score.toFixed(2)}\td=${features.density.toFixed(1)} s=${features.sectionHeadings} w=${features.words}\t${row.file}`);

    if (row.label === 'blocked_or_empty_page') {
      blocked.push(`  ${row.file}: ${why}`);
    } else if (row.label === 'privacy_adjacent') {
      adjacent.push(`  ${said === 'privacy-adjacent' ? 'ok  ' : 'MISS'} ${row.file}: ${why}`);
    } else {
      if (isPolicy) {
        gatePolicies++;
        if (g.pass) gatePoliciesPassed++;
      } else {
        gateOthers++;
        if (g.pass) gateOthersPassed++;
        if (row.dataset === 'mozilla_readability_test_pages') {
          gateOrdinary++;
          if (g.pass) gateOrdinaryPassed++;
        }
      }
      const saidPolicy = said === 'privacy-policy';
      if (saidPolicy && isPolicy) tp++;
      else if (saidPolicy && !isPolicy) {
        fp++;
        mistakes.push(`  FALSE POSITIVE [${row.document_type}] ${row.file} <${url}>: ${why}`);
      } else if (!saidPolicy && isPolicy) {
        fn++;
        mistakes.push(`  MISSED POLICY ${row.file} <${url}>: ${why}`);
      } else tn++;
    }

    if (doExtract && (said === 'privacy-policy' || said === 'privacy-adjacent') && row.label !== 'blocked_or_empty_page') {
      const res = extractPolicy(document, url, { pageText });
      if (res.ok) {
        extracted++;
        const m = res.document.extraction.method;
        methods[m] = (methods[m] ?? 0) + 1;
        words.push(res.document.extraction.words);
        if (res.document.statedDate) withDate++;
        if (verbose) console.log(`    extract ${m} ${res.document.extraction.words} words date=${res.document.statedDate} ${res.document.extraction.notes.join('; ')}`);
      } else failures.push(`  ${row.file}: ${res.reason}`);
    }
    close();
  }

  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  console.log(`pages: ${rows.length} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`privacy-policy vs other (excluding blocked/empty and privacy-adjacent pages): TP ${tp} FP ${fp} FN ${fn} TN ${tn}`);
  console.log(`precision ${precision.toFixed(3)} (goal >= 0.98)  recall ${recall.toFixed(3)} (goal >= 0.97)  F1 ${f1.toFixed(3)}`);
  console.log(`gate: recall on policies ${gatePoliciesPassed}/${gatePolicies} = ${(gatePoliciesPassed / Math.max(1, gatePolicies)).toFixed(3)}; pass rate on non-policies ${gateOthersPassed}/${gateOthers} = ${(gateOthersPassed / Math.max(1, gateOthers)).toFixed(3)} (of which ordinary web pages ${gateOrdinaryPassed}/${gateOrdinary} = ${(gateOrdinaryPassed / Math.max(1, gateOrdinary)).toFixed(3)}; the rest are other legal documents)`);
  if (mistakes.length) console.log(`misclassified (${mistakes.length}):\n${mistakes.join('\n')}`);
  const adjOk = adjacent.filter((l) => l.startsWith('  ok')).length;
  console.log(`privacy-adjacent: ${adjOk}/${adjacent.length} called privacy-adjacent`);
  console.log(adjacent.join('\n'));
  console.log(`blocked or empty pages (${blocked.length}), not scored:`);
  console.log(blocked.join('\n'));
  if (doExtract) {
    const sorted = [...words].sort((a, b) => a - b);
    console.log(
      `extraction: ${extracted} documents; methods ${JSON.stringify(methods)}; words median ${quantile(sorted, 0.5)} p10 ${quantile(sorted, 0.1)}; under 300 words ${sorted.filter((w) => w < 300).length}; with statedDate ${withDate}`,
    );
    if (failures.length) console.log(`extraction failures (${failures.length}):\n${failures.join('\n')}`);
  }
  return 0;
}
