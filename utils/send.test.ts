/** The sending half of the protocol, on WXT's fakeBrowser: a refusal's code and value reach the page. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendMessage } from './send';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('sendMessage', () => {
  it('rejects with the code and value of a refusal a person can act on, beside its English message', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error: 'example.com is not watched.', code: 'not-watched', value: 'example.com' } as never);
    await expect(sendMessage('unwatchSite', { site: 'example.com' })).rejects.toMatchObject({ message: 'example.com is not watched.', code: 'not-watched', value: 'example.com' });
  });

  it('rejects with the message alone when the refusal has no code', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error: 'unexpected sender' } as never);
    const err: unknown = await sendMessage('unwatchSite', { site: 'example.com' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as { code?: string }).code).toBeUndefined();
  });

  it('resolves with the value of an answer', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, value: { ok: true } } as never);
    await expect(sendMessage('unwatchSite', { site: 'example.com' })).resolves.toEqual({ ok: true });
  });
});
