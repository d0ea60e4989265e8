/**
 * Content addressing. Blocks and chunks are named by the first 64 bits of the SHA-256 of their canonical
 * form, in base64url: short keys matter because every version lists them, and finding a second text with
 * the key of a given paragraph still takes about 2^64 work, so a page cannot craft text that replaces
 * a stored paragraph.
 * A version's identity (same content or not) uses the full hash.
 *
 * A version lists chunks, and a chunk lists consecutive block keys. Chunk boundaries are decided by the
 * block keys themselves (content-defined), so inserting or editing a paragraph changes only the chunk it
 * is in, and the other chunks of the version are shared with the previous one. This keeps a small edit
 * to a long policy at a few hundred bytes instead of a full list of block keys per version.
 */
import type { Block, PolicyDocument } from '../core/schema';
import { sha256 as sha256Bytes } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';

// One SHA-256 for every digest (@noble/hashes: audited, synchronous, so the many short inputs of a save
// hash without a hop to another thread per call, which crypto.subtle.digest makes).
const encoder = new TextEncoder();
const sha256 = (text: string): Uint8Array => sha256Bytes(encoder.encode(text));

/** Unpadded base64url; keys are listed in every version, so their length is most of a version's cost. */
export function toBase64Url(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes);
}

export async function sha256Hex(text: string): Promise<string> {
  return bytesToHex(sha256(text));
}

/** 8 bytes of SHA-256 in base64url: 11 characters. */
export const KEY_BYTES = 8;

/** A random id for a version, 96 bits in 16 characters. */
export function newVersionId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(12)));
}

/** Fields that make a block what it is; JSON escapes newlines, so joining canonical forms is unambiguous. */
export function canonicalBlock(block: Block): string {
  return JSON.stringify([block.kind, block.level ?? null, block.section, block.text]);
}

/** What a paragraph adds to the text a content hash is taken of: its canonical form and the line break after it. */
export function hashedLength(canonical: string): number {
  return canonical.length + 1;
}

export function contentHashInput(document: Pick<PolicyDocument, 'title' | 'statedDate' | 'blocks'>, canonical?: string[]): string {
  return `${JSON.stringify([document.title, document.statedDate])}\n${(canonical ?? document.blocks.map(canonicalBlock)).join('\n')}`;
}

/**
 * Chunks end after a block whose hash byte (one not used in its key) is 0 mod 8, so they average about
 * 8 blocks; the minimum and maximum keep a few very long chunks from making small edits expensive.
 */
const BOUNDARY_MODULUS = 8;
const MIN_CHUNK = 3;
const MAX_CHUNK = 20;

export type PreparedChunk = { key: string; blocks: string[] };
export type PreparedDocument = {
  contentHash: string;
  /** Characters of the form the content hash is taken of, bar its title line: each paragraph's canonical form and a line break. */
  hashedChars: number;
  /** Block key for every block of the document, in order. */
  blockKeys: string[];
  /** Unique blocks by key. */
  blocks: Map<string, Block>;
  chunks: PreparedChunk[];
};

/** A paragraph's canonical form and digest, kept for paragraph objects several documents share. */
export type BlockDigests = WeakMap<Block, { canonical: string; digest: Uint8Array; key: string }>;

/**
 * Everything a save needs that is asynchronous, done before any transaction opens. `shared`: digests of
 * paragraph objects already read (an import's versions share the file's paragraphs: history-file.ts).
 */
export async function prepareDocument(document: PolicyDocument, shared?: BlockDigests): Promise<PreparedDocument> {
  const read = document.blocks.map((block) => {
    let known = shared?.get(block);
    if (!known) {
      const canonical = canonicalBlock(block);
      const digest = sha256(canonical);
      known = { canonical, digest, key: toBase64Url(digest.subarray(0, KEY_BYTES)) };
      shared?.set(block, known);
    }
    return known;
  });
  const canonical = read.map((r) => r.canonical);
  const contentDigest = sha256(contentHashInput(document, canonical));
  const blockDigests = read.map((r) => r.digest);
  const blockKeys = read.map((r) => r.key);
  const blocks = new Map<string, Block>();
  document.blocks.forEach((block, i) => blocks.set(blockKeys[i]!, block));

  const groups: string[][] = [];
  let current: string[] = [];
  blockKeys.forEach((key, i) => {
    current.push(key);
    const boundary = blockDigests[i]![KEY_BYTES]! % BOUNDARY_MODULUS === 0;
    if ((boundary && current.length >= MIN_CHUNK) || current.length >= MAX_CHUNK) {
      groups.push(current);
      current = [];
    }
  });
  if (current.length > 0) groups.push(current);
  const chunkDigests = groups.map((keys) => sha256(keys.join(',')));
  const chunks = groups.map((keys, i) => ({ key: toBase64Url(chunkDigests[i]!.subarray(0, KEY_BYTES)), blocks: keys }));
  const hashedChars = canonical.reduce((n, c) => n + hashedLength(c), 0);
  return { contentHash: bytesToHex(contentDigest), hashedChars, blockKeys, blocks, chunks };
}
