/**
 * A short log of what the content scripts reported, kept in session storage (cleared when the
 * browser closes, never synced): the outcome of each page that passed the gate, with its reason.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';

export const Outcome = z.object({
  at: z.number(),
  url: z.string(),
  outcome: z.string(),
  reason: z.string(),
});
export type Outcome = z.infer<typeof Outcome>;

const KEY = 'diagnostics';
const KEEP = 50;

export async function recordOutcome(entry: Outcome): Promise<void> {
  const got = await browser.storage.session.get(KEY);
  const parsed = z.array(Outcome).safeParse(got[KEY]);
  const list = parsed.success ? parsed.data : [];
  list.push(entry);
  await browser.storage.session.set({ [KEY]: list.slice(-KEEP) });
}
