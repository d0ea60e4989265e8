/**
 * Changes spread over several versions, once analysed (./combined.ts), kept for the browser's session in
 * session storage (in memory, cleared when the browser closes or the extension is updated, never synced):
 * a background worker stops when idle and starts again on the next popup or tab, and without this it would
 * analyse the same change again each time (the change since the last review, and the last change reviewed,
 * which the popup shows again on request). Keyed by the two texts' content hashes, which fix the analysis:
 * the engine is a pure function of them, and an update of the extension empties this storage.
 * Bounded: at most MAX_KEPT analyses, none larger than MAX_ANALYSIS_CHARS as JSON. A cache only: what it
 * cannot read or write is analysed again, never an error.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { ChangeAnalysis } from '@/lib/core/schema';
import { serial } from './serial';

export interface AnalysisCache {
  get(textKey: string): Promise<ChangeAnalysis | null>;
  set(textKey: string, analysis: ChangeAnalysis): Promise<void>;
}

export const MAX_KEPT = 12;
export const MAX_ANALYSIS_CHARS = 400_000;

const Entry = z.object({ textKey: z.string(), analysis: ChangeAnalysis });
/** Version 1, as every release has written it; a change of shape adds its migration step here. */
const keptItem = storage.defineItem<unknown>('session:combinedAnalyses', { fallback: [], version: 1, migrations: {} });

export function sessionAnalysisCache(): AnalysisCache {
  const inTurn = serial();
  const entries = async (): Promise<unknown[]> => {
    const raw = await keptItem.getValue();
    return Array.isArray(raw) ? raw : [];
  };
  const keyOf = (e: unknown) => (e !== null && typeof e === 'object' ? (e as { textKey?: unknown }).textKey : undefined);
  return {
    async get(textKey) {
      try {
        const parsed = Entry.safeParse((await entries()).find((e) => keyOf(e) === textKey));
        return parsed.success ? parsed.data.analysis : null;
      } catch {
        return null;
      }
    },
    set(textKey, analysis) {
      return inTurn(async () => {
        if (JSON.stringify(analysis).length > MAX_ANALYSIS_CHARS) return;
        const rest = (await entries()).filter((e) => keyOf(e) !== textKey);
        await keptItem.setValue([...rest, { textKey, analysis }].slice(-MAX_KEPT));
      }).catch(() => {});
    },
  };
}
