import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import { analyzeChange } from '../../core/engine';
import { freshStore } from '../test-support';
import { currentExtractor, DEMO_URL, demoHtml, extracted } from '../test-pages';
import { buildEvidenceWarc } from './export';
import { verifyWarc } from './verify';
import { warcFields, warcRecord } from './warc';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const T0 = Date.UTC(2026, 2, 1, 9, 30);

/** The demo site's policy captured three times (three versions), and another site's policy once. */
async function threeCaptures() {
  const env = await freshStore();
  env.clock.now = T0;
  for (const name of ['privacy-v1', 'privacy-cosmetic', 'privacy-v2'] as const) {
    const html = demoHtml(name);
    const saved = await env.store.savePolicyVersion({ url: DEMO_URL, kind: 'privacy-policy', document: await extracted(currentExtractor, html), raw: { html, source: 'visit' }, extractorVersion: 1, analyze: analyzeChange });
    expect(saved.status).not.toBe('unchanged');
    env.clock.tick(86_400_000);
  }
  const other = 'https://other.example/privacy';
  const html = demoHtml('privacy-v1');
  await env.store.savePolicyVersion({ url: other, kind: 'privacy-policy', document: await extracted(currentExtractor, html, other), raw: { html, source: 'check' }, extractorVersion: 1 });
  return env;
}

async function exportSite(site: string | null) {
  const { store } = await threeCaptures();
  const policies = await store.evidence(site);
  return buildEvidenceWarc({ exportedAt: new Date(T0 + 10 * 86_400_000).toISOString(), software: 'Clausewatch test', scope: site ?? 'all sites', policies });
}

async function* once(bytes: Uint8Array) {
  yield bytes;
}

/** The records as warcio (webrecorder's reader) parses them: headers, the whole block, and the HTTP payload. */
async function readWithWarcio(bytes: Uint8Array) {
  const out: Array<{ headers: Map<string, string>; block: Uint8Array; payload: Uint8Array; status: number | null }> = [];
  const blocks: Uint8Array[] = [];
  for await (const record of new WARCParser(once(bytes), { parseHttp: false })) blocks.push(await record.readFully(false));
  let i = 0;
  for await (const record of new WARCParser(once(bytes))) {
    const headers = new Map<string, string>();
    for (const [k, v] of record.warcHeaders.headers as unknown as Iterable<[string, string]>) headers.set(k.toLowerCase(), v);
    const payload = await record.readFully(false);
    out.push({ headers, block: blocks[i++]!, payload, status: record.httpHeaders ? Number(record.httpHeaders.statusCode) : null });
  }
  return out;
}

/** The chain's hash as README documents it, computed here with Node's own SHA-256. */
function entryHash(e: Record<string, unknown>): string {
  return sha256(JSON.stringify(['clausewatch-chain/1', e.policyId, e.seq, e.kind, e.versionId, e.url, e.source, e.capturedAt, e.recordedAt, e.extractorVersion, e.rawSha256, e.textSha256, e.prevSha256]));
}

describe('the WARC export of a site with three captures', () => {
  it('is read by warcio, and every digest and the chain verify', async () => {
    const warc = await exportSite('inkwell.example');
    const records = await readWithWarcio(warc.bytes);
    expect(records.map((r) => r.headers.get('warc-type'))).toEqual(['warcinfo', 'response', 'resource', 'response', 'resource', 'response', 'resource', 'metadata']);
    expect(records.length).toBe(warc.records);

    for (const r of records) {
      expect(r.headers.get('warc-block-digest')).toBe(`sha256:${sha256(r.block)}`);
      expect(Number(r.headers.get('content-length'))).toBe(r.block.byteLength);
      if (r.headers.get('warc-type') !== 'warcinfo') expect(r.headers.get('warc-payload-digest')).toBe(`sha256:${sha256(r.payload)}`);
    }
    const chain = JSON.parse(new TextDecoder().decode(records.at(-1)!.block)) as { policyId: string; head: string; entries: Array<Record<string, unknown>> };
    expect(chain.policyId).toBe('privacy-policy:https://inkwell.example/legal/privacy');
    expect(chain.entries).toHaveLength(3);
    chain.entries.forEach((e, i) => {
      expect(e.seq).toBe(i);
      expect(entryHash(e)).toBe(e.sha256);
      expect(e.prevSha256).toBe(i === 0 ? null : chain.entries[i - 1]!.sha256);
    });
    expect(chain.head).toBe(chain.entries[2]!.sha256);

    // Each response is the page as captured, at its address and capture time, and is what its entry names.
    const responses = records.filter((r) => r.headers.get('warc-type') === 'response');
    ['privacy-v1', 'privacy-cosmetic', 'privacy-v2'].forEach((name, i) => {
      const r = responses[i]!;
      const entry = chain.entries[i]!;
      expect(r.status).toBe(200);
      expect(new TextDecoder().decode(r.payload)).toBe(demoHtml(name as 'privacy-v1'));
      expect(sha256(r.payload)).toBe(entry.rawSha256);
      expect(r.headers.get('warc-target-uri')).toBe(DEMO_URL);
      expect(r.headers.get('warc-date')).toBe(new Date(T0 + i * 86_400_000).toISOString());
      expect(r.headers.get('warc-date')).toBe(entry.capturedAt);
    });
    // Each text is the one its entry names, readable as it stands.
    const texts = records.filter((r) => r.headers.get('warc-type') === 'resource');
    texts.forEach((r, i) => expect(sha256(r.block)).toBe(chain.entries[i]!.textSha256));
    expect(new TextDecoder().decode(texts[2]!.block)).toContain('To train and improve our artificial intelligence models');

    expect(verifyWarc(warc.bytes)).toMatchObject({ ok: true, records: 8, problems: [] });
  });

  it('holds only the site asked for; the export of everything holds both sites, and verifies', async () => {
    const site = await exportSite('inkwell.example');
    expect(new TextDecoder().decode(site.bytes)).not.toContain('other.example');
    const all = await exportSite(null);
    const report = verifyWarc(all.bytes);
    expect(report.ok).toBe(true);
    expect(report.lines.filter((l) => l.startsWith('chain of'))).toHaveLength(2);
    expect(all.filename).toBe('clausewatch-evidence-all_sites-2026-03-11.warc');
  });

  it('exports and verifies a policy whose address holds an escaped control character (/privacy%0A)', async () => {
    const { store } = await freshStore();
    const url = 'https://hostile.example/privacy%0A';
    const html = demoHtml('privacy-v1');
    await store.savePolicyVersion({ url, kind: 'privacy-policy', document: await extracted(currentExtractor, html, url), raw: { html, source: 'visit' }, extractorVersion: 1 });
    const warc = buildEvidenceWarc({ exportedAt: new Date(T0).toISOString(), software: 's', scope: 'hostile.example', policies: await store.evidence('hostile.example') });
    const report = verifyWarc(warc.bytes);
    expect(report.problems).toEqual([]);
    expect(report.lines.some((l) => l.startsWith('chain of privacy-policy:https://hostile.example/privacy%0a:'))).toBe(true);
  });

  it('is the same file when the same history is exported twice at the same time (ids derive from content)', async () => {
    const { store } = await threeCaptures();
    const at = new Date(T0).toISOString();
    const a = buildEvidenceWarc({ exportedAt: at, software: 's', scope: 'inkwell.example', policies: await store.evidence('inkwell.example') });
    const b = buildEvidenceWarc({ exportedAt: at, software: 's', scope: 'inkwell.example', policies: await store.evidence('inkwell.example') });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});

describe('verify', () => {
  it('fails, naming the record, when one byte of a captured page is changed', async () => {
    const warc = await exportSite('inkwell.example');
    const text = new TextDecoder().decode(warc.bytes);
    const at = text.indexOf('We share personal information with service providers');
    const tampered = new Uint8Array(warc.bytes);
    const offset = new TextEncoder().encode(text.slice(0, at)).byteLength;
    tampered[offset] = tampered[offset]! ^ 0x20; // "We" -> "we"
    const report = verifyWarc(tampered);
    expect(report.ok).toBe(false);
    const records = await readWithWarcio(tampered);
    const hit = records.findIndex((r) => new TextDecoder().decode(r.block).includes('we share personal information with service providers'));
    const id = records[hit]!.headers.get('warc-record-id')!;
    expect(report.problems).toContainEqual(`record ${hit + 1} (response ${id} ${DEMO_URL}): WARC-Block-Digest does not match its content (the content was altered)`);
    expect(report.problems).toContainEqual(`record ${hit + 1} (response ${id} ${DEMO_URL}): WARC-Payload-Digest does not match its payload (the page was altered)`);
  });

  it('fails on any single changed byte, wherever it is, and names a record', async () => {
    const warc = await exportSite('inkwell.example');
    // Every 31st byte: headers, HTTP headers, pages, texts and the chain of every record.
    for (let at = 0; at < warc.bytes.byteLength; at += 31) {
      const tampered = new Uint8Array(warc.bytes);
      tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
      const report = verifyWarc(tampered);
      expect(report.ok, `byte ${at} changed`).toBe(false);
      expect(report.problems[0], `byte ${at} changed`).toMatch(/^record \d+ \(/);
    }
  });

  it('fails when a whole record is removed, or the chain is rewritten without its links', async () => {
    const warc = await exportSite('inkwell.example');
    const parts = new TextDecoder().decode(warc.bytes).split(/(?=WARC\/1\.1\r\n)/);
    const withoutSecondPage = new TextEncoder().encode(parts.filter((_, i) => i !== 3).join(''));
    expect(verifyWarc(withoutSecondPage).problems.some((p) => /lists response .* which is missing from the file/.test(p))).toBe(true);
  });

  it('fails when a whole policy is missing: cut short between two policies, or one taken out', async () => {
    const all = await exportSite(null);
    const parts = new TextDecoder().decode(all.bytes).split(/(?=WARC\/1\.1\r\n)/);
    const policyOf = (part: string) => /Clausewatch-Policy: (\S+)/.exec(part)?.[1];
    const [first, second] = [...new Set(parts.map(policyOf).filter((p) => p !== undefined))];
    expect(second).toBeDefined();
    const cutAfterFirst = parts.filter((part) => policyOf(part) !== second);
    const withoutFirst = parts.filter((part) => policyOf(part) !== first);
    for (const [kept, gone] of [[cutAfterFirst, second], [withoutFirst, first]] as const) {
      const report = verifyWarc(new TextEncoder().encode(kept.join('')));
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual(`the file lists policy ${gone}, whose chain is missing from it (the file was cut short or edited)`);
    }
    // Its warcinfo record alone is no evidence either.
    expect(verifyWarc(new TextEncoder().encode(parts[0]!)).ok).toBe(false);
  });

  it('still verifies a file written before the warcinfo record listed its policies, and says what that cannot show', async () => {
    const warc = await exportSite('inkwell.example');
    const parts = new TextDecoder().decode(warc.bytes).split(/(?=WARC\/1\.1\r\n)/);
    // The warcinfo record as exports wrote it until December 2026: no policies and policy fields.
    const older = warcRecord({ type: 'warcinfo', date: new Date(T0).toISOString(), contentType: 'application/warc-fields', fields: [['WARC-Filename', warc.filename]], block: warcFields([['software', 'Clausewatch test'], ['scope', 'inkwell.example']]) });
    const report = verifyWarc(new TextEncoder().encode([new TextDecoder().decode(older.bytes), ...parts.slice(1)].join('')));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.lines).toContain('written before Clausewatch listed its policies in the warcinfo record: a policy removed whole from the file would not be noticed');
  });

  it('fails when its warcinfo record is not first, or comes twice', async () => {
    const warc = await exportSite('inkwell.example');
    const parts = new TextDecoder().decode(warc.bytes).split(/(?=WARC\/1\.1\r\n)/);
    const infoLast = verifyWarc(new TextEncoder().encode([...parts.slice(1), parts[0]].join('')));
    expect(infoLast.problems.some((p) => /does not start with its warcinfo record/.test(p))).toBe(true);
    const infoTwice = verifyWarc(new TextEncoder().encode([...parts, parts[0]].join('')));
    expect(infoTwice.ok).toBe(false);
  });

  it('fails when a record is copied in twice, which no digest shows', async () => {
    const warc = await exportSite('inkwell.example');
    const parts = new TextDecoder().decode(warc.bytes).split(/(?=WARC\/1\.1\r\n)/);
    const doubled = new TextEncoder().encode([...parts.slice(0, 4), parts[3], ...parts.slice(4)].join(''));
    const report = verifyWarc(doubled);
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => /a second record with the id/.test(p))).toBe(true);
  });
});
