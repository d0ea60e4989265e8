/**
 * The background's DOM runner where the background has no DOM (Chrome's service worker): the offscreen
 * document is created once, however the tasks that need it interleave.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDomRunner } from './dom';

const savedParser = globalThis.DOMParser;
let documents = 0;
/** The browser's answers to "is there an offscreen document?", each held until the test lets it arrive. */
let looks: Array<() => void> = [];

beforeEach(() => {
  fakeBrowser.reset();
  documents = 0;
  looks = [];
  // A service worker: no DOMParser of its own.
  (globalThis as { DOMParser?: unknown }).DOMParser = undefined;
  const runtime = fakeBrowser.runtime as unknown as Record<string, unknown>;
  // The browser answers from what exists when asked.
  runtime.getContexts = () => {
    const now = documents > 0 ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : [];
    return new Promise((resolve) => looks.push(() => resolve(now)));
  };
  (fakeBrowser as unknown as Record<string, unknown>).offscreen = {
    createDocument: async () => {
      if (documents > 0) throw new Error('Only a single offscreen document may be created.');
      documents++;
    },
  };
  runtime.sendMessage = async () => ({ ok: true, value: { task: 'discover', candidates: [] } });
});
afterEach(() => {
  (globalThis as { DOMParser?: unknown }).DOMParser = savedParser;
});

const settle = () => new Promise((r) => setTimeout(r, 0));

it('runs two tasks whose looks for the offscreen document straddle its creation', async () => {
  const run = createDomRunner();
  const task = { task: 'discover', html: '', url: 'https://a.example/' } as const;
  const first = run(task);
  const second = run(task);
  await settle();
  // Both asked before any document existed; the first answer arrives, and the first task creates it and runs.
  expect(looks).toHaveLength(2);
  looks.shift()!();
  await expect(first).resolves.toEqual({ task: 'discover', candidates: [] });
  // Only now does the second answer ("none yet", as it was when asked) arrive.
  looks.shift()!();
  await settle();
  // Whatever the runner asks next is answered at once.
  while (looks.length > 0) {
    looks.shift()!();
    await settle();
  }
  await expect(second).resolves.toEqual({ task: 'discover', candidates: [] });
  expect(documents).toBe(1);
});
