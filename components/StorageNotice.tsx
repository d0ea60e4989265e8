import type { StorageProblem } from '@/lib/extension/views';
import { storageProblemText } from './format';
import { useWords } from './words';

/**
 * A storage problem, on the popup and the options page. The notice of what was removed to make room can be
 * closed once read; a failed save's stays until saving works again.
 */
export function StorageNotice({ problem, onDismiss }: { problem: StorageProblem; onDismiss: () => void }) {
  const { ui } = useWords();
  return (
    <div className="alert" role="alert">
      <p>{storageProblemText(ui, problem)}</p>
      {problem.kind === 'pruned' && (
        <button type="button" onClick={onDismiss}>
          {ui.common.dismiss}
        </button>
      )}
    </div>
  );
}
