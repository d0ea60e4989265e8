/**
 * Raw captures: the page as serialised (or as fetched), kept as gzip and named by the SHA-256 of its
 * UTF-8 bytes, so the same page captured twice is stored once. `CompressionStream` runs in Chromium's
 * service worker, Firefox's event page and Node 20 alike.
 */
import { sha256Hex, utf8 } from './digest';
import { concatBytes } from '../../core/bytes';

export type PreparedRaw = { sha256: string; bytes: number; gzip: Uint8Array };

/** Raw captures are at most the content script's 12 M characters (36 MB of UTF-8 at worst). */
export const MAX_RAW_BYTES = 64 * 1024 * 1024;

async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new Error(`a raw capture is larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return concatBytes(chunks, total);
}

function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return collect(source.pipeThrough(transform as unknown as ReadableWritablePair<Uint8Array, Uint8Array>), limit);
}

export function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return through(bytes, new CompressionStream('gzip'), MAX_RAW_BYTES);
}

export function gunzip(bytes: Uint8Array, limit = MAX_RAW_BYTES): Promise<Uint8Array> {
  return through(bytes, new DecompressionStream('gzip'), limit);
}

/** A saved page's bytes, or undefined when its compressed bytes are damaged (verification names such a page). */
export function savedPage(gzipped: Uint8Array): Promise<Uint8Array | undefined> {
  return gunzip(gzipped).catch(() => undefined);
}

/** Hashes and compresses a capture; done before any transaction opens. */
export async function prepareRaw(html: string): Promise<PreparedRaw> {
  const bytes = utf8(html);
  return { sha256: sha256Hex(bytes), bytes: bytes.byteLength, gzip: await gzip(bytes) };
}
