import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkChain, nextEntry, sealEntry, type ChainEntry } from './chain';
import { buildEvidenceWarc } from './export';
import { gunzip, prepareRaw } from './raw';
import { renderExtractedText, textSha256 } from './text';
import { digestMatches, verifyWarc } from './verify';
import { parseWarc, warcRecord } from './warc';

const hex = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

function chainOf(n: number, policyId = 'privacy-policy:https://a.example/privacy'): ChainEntry[] {
  const out: ChainEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      nextEntry(out.at(-1), {
        policyId,
        kind: 'capture',
        versionId: `v${i}`,
        url: 'https://a.example/privacy',
        source: 'visit',
        capturedAt: new Date(Date.UTC(2026, 0, i + 1)).toISOString(),
        recordedAt: new Date(Date.UTC(2026, 0, i + 1)).toISOString(),
        extractorVersion: 1,
        rawSha256: hex(`page ${i}`),
        textSha256: hex(`text ${i}`),
      }),
    );
  }
  return out;
}

describe('the hash chain', () => {
  it('verifies as written, each entry linked to the one before', () => {
    const chain = chainOf(4);
    expect(checkChain(chain[0]!.policyId, chain)).toEqual([]);
    expect(chain.map((e) => e.prevSha256)).toEqual([null, chain[0]!.sha256, chain[1]!.sha256, chain[2]!.sha256]);
  });

  it('names the entry that was altered, removed or inserted', () => {
    const chain = chainOf(4);
    const id = chain[0]!.policyId;
    const altered = chain.map((e, i) => (i === 1 ? { ...e, capturedAt: '2025-12-31T00:00:00.000Z' } : e));
    expect(checkChain(id, altered)).toEqual([{ seq: 1, message: 'does not match its own hash (it was altered)', problem: { code: 'altered-entry', seq: 1 } }]);
    // Altered and resealed: its own hash is right again, but the next entry no longer links to it.
    const resealed = chain.map((e, i) => (i === 1 ? sealEntry({ ...e, textSha256: hex('other text') }) : e));
    expect(checkChain(id, resealed)).toEqual([
      { seq: 2, message: 'does not link to the entry before it (an entry was altered, removed or inserted)', problem: { code: 'broken-link', seq: 2 } },
    ]);
    const removed = [chain[0]!, chain[2]!, chain[3]!];
    expect(checkChain(id, removed).map((p) => p.seq)).toEqual([2, 2, 3]);
    expect(checkChain(id, removed).map((p) => p.problem)).toEqual([
      { code: 'misnumbered', seq: 2, position: 1 },
      { code: 'broken-link', seq: 2 },
      { code: 'misnumbered', seq: 3, position: 2 },
    ]);
    expect(checkChain('privacy-policy:https://b.example/privacy', chain)[0]).toMatchObject({ message: expect.stringMatching(/another policy/), problem: { code: 'other-policy', seq: 0 } });
    // The first entry naming one before it.
    expect(checkChain(id, [sealEntry({ ...chain[0]!, prevSha256: chain[1]!.sha256 })]).map((p) => p.problem)).toEqual([{ code: 'starts-with-link', seq: 0 }]);
  });
});

describe('the extracted text', () => {
  it('renders a document as readable text, and hashes exactly those bytes', () => {
    const doc = {
      title: 'Privacy Policy',
      statedDate: '2026-03-01',
      blocks: [
        { kind: 'heading' as const, text: 'Sharing', section: [], level: 2 },
        { kind: 'paragraph' as const, text: 'We share your data with partners.', section: ['Sharing'] },
        { kind: 'list-item' as const, text: 'advertisers', section: ['Sharing'] },
        { kind: 'table-row' as const, text: 'Email | 1 year', section: ['Sharing'] },
      ],
    };
    const text = renderExtractedText(doc);
    expect(text).toBe('Title: Privacy Policy\nStated date: 2026-03-01\n\n## Sharing\n\nWe share your data with partners.\n\n- advertisers\n\n| Email | 1 year\n');
    expect(textSha256(doc)).toBe(hex(text));
    expect(renderExtractedText({ ...doc, statedDate: null, blocks: [] })).toBe('Title: Privacy Policy\nStated date: none\n');
  });
});

describe('raw captures', () => {
  it('are named by the SHA-256 of the page as UTF-8 and come back byte for byte from gzip', async () => {
    const html = '<!doctype html><title>Politique de confidentialité</title><p>Données — “partagées”</p>';
    const raw = await prepareRaw(html);
    expect(raw.sha256).toBe(hex(html));
    expect(raw.bytes).toBe(Buffer.byteLength(html));
    expect([raw.gzip[0], raw.gzip[1]]).toEqual([0x1f, 0x8b]);
    expect(new TextDecoder().decode(await gunzip(raw.gzip))).toBe(html);
  });

  it('refuses to inflate past the limit', async () => {
    const raw = await prepareRaw('a'.repeat(100_000));
    await expect(gunzip(raw.gzip, 1000)).rejects.toThrow(/larger than 1000 bytes/);
  });
});

describe('WARC records', () => {
  it('accept a SHA-256 digest as hex in either case or base32 with or without padding, nothing else', () => {
    const h = hex('abc');
    const b32 = 'XJ4BNP4PAHH6UQKBIDPF3LRCEOYAGYNDSYLXVHFUCD7WD4QACWWQ===='; // Python: base64.b32encode(sha256(b'abc'))
    expect(digestMatches(`sha256:${h}`, h)).toBe(true);
    expect(digestMatches(`sha256:${h.toUpperCase()}`, h)).toBe(true);
    expect(digestMatches(`sha256:${b32}`, h)).toBe(true);
    expect(digestMatches(`sha256:${b32.replaceAll('=', '')}`, h)).toBe(true);
    expect(digestMatches(`sha256:${hex('abd')}`, h)).toBe(false);
    expect(digestMatches(`sha1:${h}`, h)).toBe('unsupported');
  });

  it('parse what they write, and stop with the place when the file is cut, padded or not a WARC', () => {
    const a = warcRecord({ type: 'resource', date: '2026-01-01T00:00:00.000Z', targetUri: 'https://a.example/', contentType: 'text/plain', block: new TextEncoder().encode('hello') });
    const file = new Uint8Array([...a.bytes, ...a.bytes]);
    const parsed = parseWarc(file);
    expect(parsed.error).toBeNull();
    expect(parsed.records.map((r) => [r.index, r.offset, new TextDecoder().decode(r.block)])).toEqual([
      [1, 0, 'hello'],
      [2, a.bytes.byteLength, 'hello'],
    ]);
    expect(parseWarc(file.subarray(0, file.byteLength - 6)).error).toMatchObject({ index: 2, message: expect.stringMatching(/runs past the end|not followed/) });
    expect(parseWarc(new TextEncoder().encode('<html>not a warc</html>\r\n')).error).toMatchObject({ index: 1, offset: 0, message: expect.stringMatching(/expected a WARC version line/) });
    expect(parseWarc(new Uint8Array(200_000).fill(0x41)).error?.message).toBe('expected a WARC version line, found "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"');
    expect(parseWarc(new TextEncoder().encode('WARC/1.1' + ' '.repeat(70_000))).error?.message).toMatch(/version line does not end/);
    expect(parseWarc(new TextEncoder().encode('WARC/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n')).error?.message).toMatch(/no single valid Content-Length/);
    expect(() => warcRecord({ type: 'resource', date: 'x', targetUri: 'https://a.example/\r\nWARC-Type: forged', contentType: 't', block: new Uint8Array() })).toThrow(/line break/);
  });

  it('an empty or foreign file does not verify, and says why', () => {
    expect(verifyWarc(new Uint8Array())).toMatchObject({ ok: false, problems: ['the file holds no WARC record'] });
    const foreign = new TextEncoder().encode('WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\nWARC-Date: 2026-01-01T00:00:00Z\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n');
    const report = verifyWarc(foreign);
    expect(report.ok).toBe(false);
    expect(report.problems).toContain('record 1 (resource <urn:uuid:00000000-0000-4000-8000-000000000000>): its WARC-Record-ID does not match its headers (a header was altered, or Clausewatch did not write it)');
    expect(report.problems).toContain('record 1 (resource <urn:uuid:00000000-0000-4000-8000-000000000000>): has no WARC-Block-Digest, so its content cannot be verified');
  });

  it('an export of a policy whose raw captures were pruned still verifies, and says what the file lacks', () => {
    const chain = chainOf(3);
    const warc = buildEvidenceWarc({
      exportedAt: '2026-02-01T00:00:00.000Z',
      software: 'test',
      scope: 'a.example',
      policies: [{ policyId: chain[0]!.policyId, site: 'a.example', url: 'https://a.example/privacy', title: 'Privacy', chain, raws: new Map([[hex('page 0'), new TextEncoder().encode('page 0')], [hex('page 2'), new TextEncoder().encode('page 2')]]), texts: [] }],
    });
    const report = verifyWarc(warc.bytes);
    expect(report.problems).toEqual([]);
    expect(report.lines).toContainEqual(expect.stringMatching(/3 entries, head [0-9a-f]{64}; 2 of 3 raw captures in the file \(the others were pruned\), 0 extracted texts$/));
  });
});
