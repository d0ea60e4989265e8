import type { ChainView } from '@/lib/views';
import { plural } from './format';

/**
 * Whether a policy's record verifies: its hash chain, each stored text against its chain entry, each
 * kept page against its hash. Text only; the problems come from the background and are rendered as text.
 */
export function RecordStatus({ chain }: { chain: ChainView | null | undefined }) {
  if (chain === null) return <p className="muted small record-status">Checking the record…</p>;
  if (chain === undefined) return <p className="muted small record-status">The record could not be checked.</p>;
  const pages = `${plural(chain.rawKept, 'saved page')} kept${chain.rawPruned > 0 ? `, ${chain.rawPruned} removed to free space` : ''}`;
  if (chain.ok) {
    return (
      <p className="small record-status record-ok">
        <strong>Record verifies</strong>: {plural(chain.entries, 'entry', 'entries')} in its hash chain, {pages}.
        {chain.head && (
          <>
            {' '}
            Chain head <code title={chain.head}>{chain.head.slice(0, 16)}</code>
          </>
        )}
      </p>
    );
  }
  return (
    <div className="small record-status record-bad" role="status">
      <p>
        <strong>Record does not verify</strong> ({pages}):
      </p>
      <ul>
        {chain.problems.slice(0, 5).map((p, i) => (
          <li key={i}>{p}</li>
        ))}
        {chain.problems.length > 5 && <li>and {chain.problems.length - 5} more.</li>}
      </ul>
    </div>
  );
}

/** What is kept of one version: its page, and which extractor made its text. */
export function versionEvidence(raw: 'kept' | 'pruned' | 'none' | undefined, extractorVersion: number, reextractedFrom: number | null): string {
  const page = raw === 'kept' ? 'Saved page kept' : raw === 'pruned' ? 'Saved page removed to free space' : raw === 'none' ? 'No saved page (seen before Clausewatch kept pages)' : '';
  const text = reextractedFrom !== null ? `text re-read by extractor ${extractorVersion} (was ${reextractedFrom === 0 ? 'unnumbered' : reextractedFrom})` : '';
  return [page, text].filter(Boolean).join('; ');
}
