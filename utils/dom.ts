/**
 * Runs a DOM task for the background: directly where the background has a DOM (Firefox's event page),
 * in the offscreen document where it does not (Chrome's service worker).
 */
import { browser } from 'wxt/browser';
import { DomTaskResult, runDomTask, type DomTask } from '@/lib/core/page/dom-tasks';
import type { Reply } from './send';
import { isSameSite } from '@/lib/core/page/hops';

const OFFSCREEN_URL = '/offscreen.html';

type ResultOf<T extends DomTask> = Extract<DomTaskResult, { task: T['task'] }>;
export type RunInDom = <T extends DomTask>(task: T) => Promise<ResultOf<T>>;

/** One runner per worker: it creates the offscreen document once, however many tasks ask at once. */
export function createDomRunner(): RunInDom {
  let creating: Promise<void> | null = null;

  const exists = async () => (await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never] })).length > 0;

  async function ensureOffscreen(): Promise<void> {
    if (creating) return creating;
    if (await exists()) return;
    creating ??= browser.offscreen
      .createDocument({
        url: OFFSCREEN_URL,
        reasons: ['DOM_PARSER' as never],
        justification: 'Parse fetched privacy policy pages for background re-checks.',
      })
      // Another call may have created it between our look and our request (its creation ended while we
      // looked): Chrome then refuses a second document, and the one there is what we wanted.
      .catch(async (error: unknown) => {
        if (!(await exists())) throw error;
      })
      .finally(() => {
        creating = null;
      });
    await creating;
  }

  return async function runInDom<T extends DomTask>(task: T): Promise<ResultOf<T>> {
    let result: DomTaskResult;
    if (typeof DOMParser !== 'undefined') {
      const parser = new DOMParser();
      result = runDomTask(task, (html) => parser.parseFromString(html, 'text/html'), isSameSite);
    } else {
      await ensureOffscreen();
      const reply = (await browser.runtime.sendMessage({ channel: 'offscreen', type: 'runDomTask', data: task })) as Reply<unknown> | undefined;
      if (!reply) throw new Error('the background parser did not answer');
      if (!reply.ok) throw new Error(reply.error);
      result = DomTaskResult.parse(reply.value);
    }
    if (result.task !== task.task) throw new Error('the background parser answered another task');
    return result as ResultOf<T>;
  };
}
