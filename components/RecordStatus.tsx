import type { ChainView } from '@/lib/extension/views';
import type { UiWords } from '@/lib/core/explain';
import { useWords } from './words';

/**
 * Whether a policy's record verifies: its hash chain, each stored text against its chain entry, each
 * kept page against its hash. Text only; the problems come from the background as codes, worded here in the
 * reader's language, and are rendered as text.
 */
export function RecordStatus({ chain, now }: { chain: ChainView | null | undefined; now: number }) {
  const { ui, format } = useWords();
  const w = ui.record;
  if (chain === null) return <p className="muted small record-status">{w.checking}</p>;
  if (chain === undefined) return <p className="muted small record-status">{w.couldNotCheck}</p>;
  const pages = w.pages(chain.rawKept, chain.rawPruned);
  if (chain.ok) {
    return (
      <p className="small record-status record-ok">
        <strong>{w.verifies}</strong>
        {w.verifiesDetail(chain.entries, pages)}
        {chain.head && (
          <>
            {' '}
            {w.chainHead} <code title={chain.head}>{chain.head.slice(0, 16)}</code>
          </>
        )}
      </p>
    );
  }
  // In the reader's language where the background sent codes (one per problem), else its English sentences.
  const problems = chain.codes.length === chain.problems.length ? chain.codes.map((p) => w.problem(p, 'seen' in p ? format.when(p.seen, now) : '')) : chain.problems;
  return (
    <div className="small record-status record-bad" role="status">
      <p>
        <strong>{w.doesNotVerify}</strong>
        {w.doesNotVerifyDetail(pages)}
      </p>
      <ul>
        {problems.slice(0, 5).map((p, i) => (
          <li key={i}>{p}</li>
        ))}
        {problems.length > 5 && <li>{w.andMore(problems.length - 5)}</li>}
      </ul>
    </div>
  );
}

/** What is kept of one version: its page, and which extractor made its text. */
export function versionEvidence(
  ui: UiWords,
  raw: ChainView['versions'][number]['raw'] | undefined,
  extractorVersion: number,
  reextractedFrom: number | null,
): string {
  const w = ui.record;
  const page = raw === 'kept' ? w.pageKept : raw === 'pruned' ? w.pagePruned : raw === 'imported' ? w.pageImported : raw === 'none' ? w.pageNone : null;
  const text = reextractedFrom !== null ? w.reread(extractorVersion, reextractedFrom) : null;
  return w.versionEvidence(page, text);
}
