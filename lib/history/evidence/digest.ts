/**
 * SHA-256 for the evidence record: of raw captures, extracted texts, chain entries and WARC blocks. One
 * implementation (@noble/hashes, synchronous, so a schema migration can hash inside its upgrade
 * transaction, which ends at the first await that is not an IndexedDB request).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function sha256Hex(data: Uint8Array | string): string {
  return bytesToHex(sha256(typeof data === 'string' ? utf8(data) : data));
}

export const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * The WARC digest form we write: `sha256:` and lowercase hex. warcio.js writes this form by default, and
 * Python warcio's `warcio check` verifies it (it accepts base16, base32 and base64); unpadded base32,
 * the other common form, is misread by the latter as base64.
 */
export function warcDigest(data: Uint8Array): string {
  return `sha256:${sha256Hex(data)}`;
}
