/**
 * The evidence export: every kept raw capture, every stored text and every policy's hash chain as one
 * WARC 1.1 file. Pure; the store gathers the inputs (lib/history `evidenceFor`).
 *
 * Per policy, in chain order:
 *  - a `response` record per kept raw capture: WARC-Target-URI the address it was captured from,
 *    WARC-Date the capture time, an HTTP/1.1 response block whose body is the page as serialised in the
 *    browser (or as a background check fetched and decoded it). The status line and headers are
 *    written by Clausewatch: a page copied from the reader's tab has no HTTP response of its own.
 *  - a `resource` record per stored text (text.ts), dated when that text was made;
 *  - then one `metadata` record with the chain (chain.ts) and the list of this file's records for the
 *    policy, so a record removed from the file is noticed.
 * Each record names its policy and chain entry in `Clausewatch-*` fields; `verify` (verify.ts) checks
 * them against the chain.
 */
import type { ChainEntry } from './chain';
import { CHAIN_FORMAT } from './chain';
import { sha256Hex, utf8 } from './digest';
import { TEXT_FORMAT } from './text';
import { httpResponseBlock, warcFields, warcRecord, WARC_VERSION } from './warc';
import { concatBytes } from '../../core/bytes';

export interface EvidencePolicy {
  policyId: string;
  site: string;
  url: string;
  title: string;
  /** The whole chain, in seq order. */
  chain: ChainEntry[];
  /** The raw bytes of the captures still kept, by SHA-256. */
  raws: ReadonlyMap<string, Uint8Array>;
  /** The text each stored version holds now (text.ts rendering). */
  texts: Array<{ versionId: string; text: string }>;
}

export interface EvidenceExport {
  /** ISO time of the export: the warcinfo record's date, the only thing that changes between two exports. */
  exportedAt: string;
  software: string;
  /** What the file covers: a site, or every site. */
  scope: string;
  policies: EvidencePolicy[];
}

export const CHAIN_CONTENT_TYPE = 'application/json';
export const ChainRecordFormat = CHAIN_FORMAT;

export type ManifestRecord = { seq: number; type: 'response' | 'resource'; id: string };

export function evidenceFilename(scope: string, exportedAt: string): string {
  const safe = scope.replace(/[^A-Za-z0-9.-]+/g, '_').slice(0, 80) || 'all';
  return `clausewatch-evidence-${safe}-${exportedAt.slice(0, 10)}.warc`;
}

export function buildEvidenceWarc(input: EvidenceExport): { bytes: Uint8Array; records: number; filename: string } {
  const filename = evidenceFilename(input.scope, input.exportedAt);
  const parts: Uint8Array[] = [];
  const info = warcRecord({
    type: 'warcinfo',
    date: input.exportedAt,
    contentType: 'application/warc-fields',
    fields: [['WARC-Filename', filename]],
    block: warcFields([
      ['software', input.software],
      ['format', 'WARC File Format 1.1'],
      ['conformsTo', 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/'],
      ['description', 'Privacy policy captures kept by Clausewatch on the user\'s machine, with the text extracted from each and a hash chain per policy. Check it with: clausewatch verify FILE'],
      ['scope', input.scope],
      ['chain-format', CHAIN_FORMAT],
      ['text-format', String(TEXT_FORMAT)],
      // Every policy the file holds, with its chain's head: a policy removed whole, or a file cut short
      // between two policies, is then noticed by verify (each chain lists only its own records).
      ['policies', String(input.policies.length)],
      ...input.policies.map((p): [string, string] => ['policy', `${p.policyId} ${p.chain.at(-1)?.sha256 ?? 'none'}`]),
    ]),
  });
  parts.push(info.bytes);
  let records = 1;

  for (const policy of input.policies) {
    const manifest: ManifestRecord[] = [];
    const responseOf = new Map<string, string>();
    const policyField: [string, string] = ['Clausewatch-Policy', policy.policyId];

    // The entry that produced each stored text: the last one of its version with that text's hash.
    const textsByEntry = new Map<number, string[]>();
    const orphanTexts: Array<{ versionId: string; text: string }> = [];
    for (const t of policy.texts) {
      const sha = sha256Hex(t.text);
      const entry = policy.chain.findLast((e) => e.versionId === t.versionId && e.textSha256 === sha);
      if (entry) textsByEntry.set(entry.seq, [...(textsByEntry.get(entry.seq) ?? []), t.text]);
      else orphanTexts.push(t);
    }

    const resource = (text: string, entry: ChainEntry | null, versionId: string) => {
      const fields: Array<[string, string]> = [policyField, ['Clausewatch-Chain-Entry', entry ? String(entry.seq) : 'none'], ['Clausewatch-Version', versionId], ['Clausewatch-Text-Format', String(TEXT_FORMAT)]];
      if (entry) fields.push(['Clausewatch-Extractor-Version', String(entry.extractorVersion)]);
      const from = entry?.rawSha256 ? responseOf.get(entry.rawSha256) : undefined;
      if (from) fields.push(['Clausewatch-Extracted-From', from]);
      const record = warcRecord({
        type: 'resource',
        date: entry?.recordedAt ?? input.exportedAt,
        targetUri: entry?.url ?? policy.url,
        contentType: 'text/plain; charset=utf-8',
        fields,
        block: utf8(text),
      });
      parts.push(record.bytes);
      records++;
      if (entry) manifest.push({ seq: entry.seq, type: 'resource', id: record.id });
    };

    for (const entry of policy.chain) {
      const raw = entry.rawSha256 ? policy.raws.get(entry.rawSha256) : undefined;
      if (raw && !responseOf.has(entry.rawSha256!)) {
        const { block, payloadStart } = httpResponseBlock(raw);
        const record = warcRecord({
          type: 'response',
          date: entry.capturedAt,
          targetUri: entry.url,
          contentType: 'application/http; msgtype=response',
          fields: [policyField, ['Clausewatch-Chain-Entry', String(entry.seq)], ['Clausewatch-Capture-Source', entry.source]],
          block,
          payloadStart,
        });
        parts.push(record.bytes);
        records++;
        responseOf.set(entry.rawSha256!, record.id);
        manifest.push({ seq: entry.seq, type: 'response', id: record.id });
      }
      for (const text of textsByEntry.get(entry.seq) ?? []) resource(text, entry, entry.versionId);
    }
    // A stored text no chain entry accounts for is exported all the same, for verify to report.
    for (const t of orphanTexts) resource(t.text, null, t.versionId);

    const head = policy.chain.at(-1) ?? null;
    const chainDoc = {
      format: CHAIN_FORMAT,
      policyId: policy.policyId,
      site: policy.site,
      url: policy.url,
      title: policy.title,
      head: head?.sha256 ?? null,
      entries: policy.chain,
      records: manifest,
    };
    parts.push(
      warcRecord({
        type: 'metadata',
        date: head?.recordedAt ?? input.exportedAt,
        targetUri: policy.url,
        contentType: CHAIN_CONTENT_TYPE,
        fields: [policyField],
        block: utf8(`${JSON.stringify(chainDoc, null, 1)}\n`),
      }).bytes,
    );
    records++;
  }
  return { bytes: concatBytes(parts), records, filename };
}

export { WARC_VERSION };
