/**
 * The message protocol as the background and the offscreen document receive it, on WXT's fakeBrowser:
 * what is accepted, what is refused (and that a refusal is an answer with a reason, never silence or a
 * throw), and that the two channels never answer each other's messages.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Protocol } from '@/lib/extension/protocol';
import { registerHandlers, registerOffscreenHandlers, type Handlers } from './messaging';
import type { Reply as SendReply } from './send';
import { UserError } from '@/lib/core/user-error';

type Reply = SendReply<unknown>;

const ID = fakeBrowser.runtime.id;
const page = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const tab = { id: ID, url: 'https://example.com/privacy', tab: { id: 7 } as never };
const background = { id: ID, url: `chrome-extension://${ID}/background.js` };
const otherExtension = { id: 'someone-else', url: 'chrome-extension://someone-else/popup.html' };

/** Every handler present (the type demands it); each one fails unless a test gives its own. */
function handlers(over: Partial<Handlers> = {}): Handlers {
  const all = Object.fromEntries(Object.keys(Protocol).map((t) => [t, vi.fn(async () => Promise.reject(new Error(`${t} not expected`)))]));
  return { ...all, ...over } as Handlers;
}

/** Delivers a raw message as the browser would; resolves with the answer, or 'silent' if none comes. */
async function deliver(raw: unknown, sender: object): Promise<Reply | 'silent'> {
  let answered: (r: Reply) => void = () => {};
  const reply = new Promise<Reply>((resolve) => (answered = resolve));
  const kept = (await (fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>)(raw, sender, (r: Reply) => answered(r))) as unknown[];
  if (!kept.some((k) => k === true)) return 'silent';
  return reply;
}

beforeEach(() => fakeBrowser.reset());

describe('the background channel', () => {
  it('answers an error a person can act on with its code and value beside the English message, so the page can word it', async () => {
    registerHandlers(handlers({ unwatchSite: vi.fn(async () => Promise.reject(new UserError('not-watched', 'example.com is not watched.', 'example.com'))) }));
    expect(await deliver({ type: 'unwatchSite', data: { site: 'example.com' } }, page)).toEqual({ ok: false, error: 'example.com is not watched.', code: 'not-watched', value: 'example.com' });
  });

  it("carries an import's refusal as a code through the checked answer, so the page can word it", async () => {
    const refused = { ok: false, message: 'The history file is damaged. Nothing was imported.', outcome: { kind: 'refused', refusal: { kind: 'checksum', version: 2, policy: 'example.com/privacy' } } };
    registerHandlers(handlers({ importHistory: vi.fn(async () => refused) as never }));
    expect(await deliver({ type: 'importHistory', data: { transfer: 't1' } }, page)).toEqual({ ok: true, value: refused });
    // A refusal without a code (the store could not write) is still an answer; its code is null.
    fakeBrowser.reset();
    registerHandlers(handlers({ importHistory: vi.fn(async () => ({ ok: false, message: 'No room.', outcome: { kind: 'refused' } })) as never }));
    expect(await deliver({ type: 'importHistory', data: { transfer: 't1' } }, page)).toMatchObject({ ok: true, value: { outcome: { kind: 'refused', refusal: null } } });
  });

  it("carries a record's problems as codes through the checked answer", async () => {
    const chain = { policyId: 'p', ok: false, entries: 2, head: null, rawKept: 0, rawPruned: 0, problems: ['Chain entry 1 does not match its own hash (it was altered).'], codes: [{ code: 'altered-entry', seq: 1 }], versions: [] };
    registerHandlers(handlers({ verifySite: vi.fn(async () => [chain]) as never }));
    expect(await deliver({ type: 'verifySite', data: { site: 'example.com' } }, page)).toEqual({ ok: true, value: [chain] });
  });

  it('passes a valid message from our page to its handler and answers with the checked value', async () => {
    const markReviewed = vi.fn(async () => ({ ok: true }));
    registerHandlers(handlers({ markReviewed }));
    expect(await deliver({ type: 'markReviewed', data: { versionId: 'v1' } }, page)).toEqual({ ok: true, value: { ok: true } });
    expect(markReviewed).toHaveBeenCalledWith({ versionId: 'v1' }, page);
  });

  it.each([
    ['an unknown message type', { type: 'deleteEverything', data: {} }, page, /unknown message type "deleteEverything"/],
    ['a malformed payload', { type: 'markReviewed', data: { versionId: 42 } }, page, /invalid "markReviewed"/],
    ['something that is not a message', 'hello', page, /not a Clausewatch message/],
    ['"Show on page" for an address that is no web page', { type: 'showOnPage', data: { tabId: null, url: 'javascript:alert(1)', quote: 'We share.' } }, page, /invalid "showOnPage"/],
    ['a message from another extension', { type: 'markReviewed', data: { versionId: 'v1' } }, otherExtension, /unexpected sender/],
    ['a page asking for what only our pages may ask', { type: 'importHistory', data: { json: '{}' } }, tab, /not accepted from a tab/],
    ['our page pretending to be a content script', { type: 'pageCaptured', data: { url: 'https://a.example/', reason: 'x', html: '' } }, page, /not accepted from a extension-page/],
  ])('refuses %s, with a reason, and runs no handler', async (_name, raw, sender, reason) => {
    const h = handlers();
    const rejected = vi.fn();
    registerHandlers(h, rejected);
    const reply = await deliver(raw, sender);
    expect(reply).toMatchObject({ ok: false });
    expect((reply as { error: string }).error).toMatch(reason);
    expect(rejected).toHaveBeenCalledOnce();
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });

  it('answers a failing handler with its error, and a handler that returns the wrong shape with a refusal', async () => {
    registerHandlers(handlers({ markReviewed: async () => Promise.reject(new Error('disk full')), unwatchSite: async () => ({ ok: 'yes' }) as never }));
    expect(await deliver({ type: 'markReviewed', data: { versionId: 'v1' } }, page)).toEqual({ ok: false, error: 'disk full' });
    expect(await deliver({ type: 'unwatchSite', data: { site: 'a.example' } }, page)).toEqual({ ok: false, error: 'invalid response' });
  });

  it('stays silent on the offscreen channel, so the offscreen document is the one that answers', async () => {
    registerHandlers(handlers());
    expect(await deliver({ channel: 'offscreen', type: 'runDomTask', data: { task: 'discover', html: '', url: 'https://a.example/' } }, background)).toBe('silent');
  });
});

describe('the offscreen channel', () => {
  const task = { task: 'discover', html: '<a href="/privacy">Privacy</a>', url: 'https://a.example/' };

  it('runs a task the background asks for', async () => {
    registerOffscreenHandlers({ runDomTask: async () => ({ task: 'discover', candidates: [] }) });
    expect(await deliver({ channel: 'offscreen', type: 'runDomTask', data: task }, background)).toEqual({ ok: true, value: { task: 'discover', candidates: [] } });
  });

  it('refuses the same task from a web page or from one of our pages', async () => {
    const runDomTask = vi.fn(async () => ({ task: 'discover' as const, candidates: [] }));
    registerOffscreenHandlers({ runDomTask });
    for (const sender of [tab, page, otherExtension]) {
      const reply = await deliver({ channel: 'offscreen', type: 'runDomTask', data: task }, sender);
      expect(reply).toMatchObject({ ok: false });
    }
    expect(runDomTask).not.toHaveBeenCalled();
  });

  it('never answers the background channel’s messages (the background does)', async () => {
    registerOffscreenHandlers({ runDomTask: async () => ({ task: 'discover', candidates: [] }) });
    expect(await deliver({ type: 'markReviewed', data: { versionId: 'v1' } }, page)).toBe('silent');
    expect(await deliver('hello', page)).toBe('silent');
  });
});
