/**
 * A short log of what the content scripts reported, kept in session storage (cleared when the
 * browser closes, never synced): the outcome of each page that passed the gate, with its reason.
 * Entries are appended one at a time, so outcomes reported together are all kept.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { serial } from './serial';

export const Outcome = z.object({
  at: z.number(),
  url: z.string(),
  outcome: z.string(),
  reason: z.string(),
});
export type Outcome = z.infer<typeof Outcome>;

const KEEP = 50;
/** Version 1, as every release has written it; a change of shape adds its migration step here. */
const diagnosticsItem = storage.defineItem<unknown>('session:diagnostics', { fallback: [], version: 1, migrations: {} });
const inTurn = serial();

export function recordOutcome(entry: Outcome): Promise<void> {
  return inTurn(async () => {
    // Entry by entry: one malformed entry is dropped, not the whole log.
    const raw = await diagnosticsItem.getValue();
    const list = Array.isArray(raw) ? raw.flatMap((e) => Outcome.safeParse(e).data ?? []) : [];
    list.push(entry);
    await diagnosticsItem.setValue(list.slice(-KEEP));
  });
}
