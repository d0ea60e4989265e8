/**
 * An analysis stored by the first releases (schema 1: an English headline per finding and an English
 * summary) as the engine writes it now (schema 2: codes only). What schema 1 did not store is read again
 * from the finding's own evidence, with the engine's attribute reader: everything the evidence names
 * (for the headline of a new practice) and its signals (an opt-out, a sale). Pure, so the store's
 * migration and its read path can both use it.
 */
import { ChangeAnalysis, type ChangeAnalysisV1, type Gained } from '../schema';
import { attributesOf, lowerCaseWords } from './attributes';
import { attributesGained, signalsOf } from './analyze';
import { prepareSentence } from './classify';

const NOTHING: Gained = { recipients: [], named: [], data: [], purposes: [] };

export function upgradeAnalysis(old: ChangeAnalysisV1): ChangeAnalysis {
  return ChangeAnalysis.parse({
    schemaVersion: 2,
    counts: old.counts,
    changes: old.changes,
    truncated: old.truncated,
    findings: old.findings.map(({ headline: _headline, gained, ...f }) => {
      // The policy itself is not stored with a schema 1 analysis: its quoted sentences tell its words apart.
      const names = { self: [], common: lowerCaseWords(f.evidence.map((e) => e.sentence)) };
      const read = f.evidence.map((e) => attributesOf(prepareSentence(e.sentence), e.sentence, names));
      return {
        ...f,
        gained: gained ?? NOTHING,
        attributes: attributesGained(read),
        signals: signalsOf(f.evidence, [], f.kind === 'restricted'),
      };
    }),
  });
}
