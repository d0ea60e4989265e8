/**
 * A hash-routed app's pages ("#/legal/privacy") are pages of their own to the content script and the
 * detector, and so to the store (lib/core/url.ts normalizePolicyPath): two policies of one app are two
 * policies, never one that "changed" from one text to the other. (A review's case, 6 December 2026.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundForTest, senderOf, withBackgroundWorld } from './testing/support';

withBackgroundWorld();
const POLICY = readFileSync(new URL('../cli/fixtures/policy-v1.html', import.meta.url), 'utf8');
const OTHER_POLICY = readFileSync(new URL('../tests/fixtures/demo-site/privacy-v1.html', import.meta.url), 'utf8');

describe('two policies of a hash-routed app', () => {
  it('are two policies, not one that changed from one text to the other', async () => {
    const background = backgroundForTest();
    const visit = async (url: string, html: string) => {
      const tab = await fakeBrowser.tabs.create({ url });
      return background.handlers.pageCaptured({ url, reason: 'navigation: url mentions "privacy"', html }, senderOf(tab));
    };
    expect(await visit('https://app.example/#/legal/privacy/website', POLICY)).toEqual({ status: 'first' });
    expect(await visit('https://app.example/#/legal/privacy/mobile-app', OTHER_POLICY)).toEqual({ status: 'first' });
    // Visiting the first again finds it as it was.
    expect(await visit('https://app.example/#/legal/privacy/website', POLICY)).toEqual({ status: 'unchanged' });
    const store = await background.history.store();
    expect((await store.listPolicies('app.example')).map((p) => p.path).sort()).toEqual(['/#/legal/privacy/mobile-app', '/#/legal/privacy/website']);
  });
});
