import { describe, expect, it } from 'vitest';
import { sha256Sync } from './sha256';

const encoder = new TextEncoder();
const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

describe('sha256Sync', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('matches the published digest of %j', (text, digest) => {
    expect(hex(sha256Sync(encoder.encode(text)))).toBe(digest);
  });

  it('agrees with crypto.subtle at every length around the block boundaries, and for non-ASCII text', async () => {
    const inputs = [...Array.from({ length: 140 }, (_, n) => 'x'.repeat(n)), 'Datenschutzerklärung – «données» 個人情報 🙂'.repeat(40)];
    for (const text of inputs) {
      const bytes = encoder.encode(text);
      const expected = hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
      expect(hex(sha256Sync(bytes)), `length ${bytes.length}`).toBe(expected);
    }
  });
});
