import { describe, expect, it } from 'vitest';
import { sha256Hex, toBase64Url } from './hash';

describe('content hashes', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('SHA-256 of %j is the published digest', async (text, digest) => {
    expect(await sha256Hex(text)).toBe(digest);
  });

  it('agrees with the platform (crypto.subtle) around block boundaries and on non-ASCII text', async () => {
    const inputs = [...Array.from({ length: 70 }, (_, n) => 'x'.repeat(n)), 'Datenschutzerklärung – «données» 個人情報 🙂'.repeat(20)];
    for (const text of inputs) {
      const platform = [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, '0')).join('');
      expect(await sha256Hex(text)).toBe(platform);
    }
  });

  it('names keys in unpadded base64url', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0x00]))).toBe('-_8A');
    expect(toBase64Url(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toBe('AQIDBAUGBwg');
  });
});
