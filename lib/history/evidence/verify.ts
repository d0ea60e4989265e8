/**
 * Verifies a Clausewatch evidence export (export.ts): every record's digests and id, every policy's
 * hash chain, and that each raw capture and text in the file is the one its chain entry names, at the
 * address and time it names. Pure: bytes in, a report out; the CLI prints it (cli/verify.ts).
 *
 * It answers for files Clausewatch wrote: a record of another kind, or with an id that is not derived
 * from its headers, is reported, since nothing in the chain vouches for it.
 */
import { z } from 'zod';
import { ChainEntry, checkChain, CHAIN_FORMAT } from './chain';
import { sha256Hex } from './digest';
import { field, httpPayloadStart, parseWarc, recordIdFor, type ParsedRecord } from './warc';

export interface VerifyReport {
  ok: boolean;
  /** Records read (all of them when the file parsed). */
  records: number;
  /** Problems, each naming the record it is about. Empty when the file verifies. */
  problems: string[];
  /** What was checked, one line each, for a human. */
  lines: string[];
}

const ChainDocument = z.object({
  format: z.literal(CHAIN_FORMAT),
  policyId: z.string().min(1),
  head: z.string().nullable(),
  entries: z.array(ChainEntry),
  records: z.array(z.object({ seq: z.number().int().nonnegative(), type: z.enum(['response', 'resource']), id: z.string() })),
});

/** `record 3 (response <urn:uuid:…> https://…)`. */
export function describeRecord(r: ParsedRecord): string {
  const type = field(r, 'WARC-Type') ?? 'untyped';
  const id = field(r, 'WARC-Record-ID') ?? 'without an id';
  const target = field(r, 'WARC-Target-URI');
  return `record ${r.index} (${type} ${id}${target ? ` ${target}` : ''})`;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function hexToBase32(hex: string): string {
  let bits = '';
  for (const c of hex) bits += parseInt(c, 16).toString(2).padStart(4, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += BASE32[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}

/** Whether a WARC digest field names this SHA-256: hex (either case) or base32 (padded or not). */
export function digestMatches(value: string, hex: string): boolean | 'unsupported' {
  const colon = value.indexOf(':');
  if (colon < 0 || value.slice(0, colon).toLowerCase() !== 'sha256') return 'unsupported';
  const digest = value.slice(colon + 1).trim();
  if (digest.length === 64) return digest.toLowerCase() === hex;
  let end = digest.length;
  while (end > 0 && digest[end - 1] === '=') end--;
  return digest.slice(0, end).toUpperCase() === hexToBase32(hex);
}

const KNOWN_TYPES = new Set(['warcinfo', 'response', 'resource', 'metadata']);

/** The `policies` count and `policy` lines (id and chain head) of a warcinfo block; null when it has none (an older export). */
function policiesListed(info: ParsedRecord): { count: number; heads: Map<string, string> } | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(info.block);
  } catch {
    return null;
  }
  let count: number | null = null;
  const heads = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(': ');
    if (colon < 0) continue;
    const name = line.slice(0, colon);
    const value = line.slice(colon + 2);
    if (name === 'policies' && /^\d{1,7}$/.test(value)) count = Number(value);
    if (name === 'policy') {
      const space = value.lastIndexOf(' ');
      if (space > 0) heads.set(value.slice(0, space), value.slice(space + 1));
    }
  }
  return count === null ? null : { count, heads };
}

export function verifyWarc(bytes: Uint8Array): VerifyReport {
  const problems: string[] = [];
  const lines: string[] = [];
  const parsed = parseWarc(bytes);
  if (parsed.error) {
    const { index, offset, message } = parsed.error;
    const known = parsed.records.at(-1);
    problems.push(`record ${index} (at byte ${offset}${known ? `, after ${describeRecord(known)}` : ''}): ${message}`);
  }
  const records = parsed.records;
  if (records.length === 0 && !parsed.error) problems.push('the file holds no WARC record');

  // Digests and ids, record by record.
  const blockSha = new Map<ParsedRecord, string>();
  const payloadSha = new Map<ParsedRecord, string>();
  for (const r of records) {
    const name = describeRecord(r);
    const type = field(r, 'WARC-Type');
    for (const required of ['WARC-Type', 'WARC-Record-ID', 'WARC-Date']) {
      if ((r.fields.get(required.toLowerCase()) ?? []).length !== 1) problems.push(`${name}: needs exactly one ${required}`);
    }
    if (r.versionLine !== 'WARC/1.1' && r.versionLine !== 'WARC/1.0') problems.push(`${name}: unknown WARC version ${JSON.stringify(r.versionLine.slice(0, 20))}`);
    if (type && !KNOWN_TYPES.has(type)) problems.push(`${name}: a Clausewatch export has no ${type} records, and nothing vouches for this one`);
    const withoutId = r.lines.filter((l) => !l.toLowerCase().startsWith('warc-record-id:'));
    if (recordIdFor(r.versionLine, withoutId) !== field(r, 'WARC-Record-ID')) {
      problems.push(`${name}: its WARC-Record-ID does not match its headers (a header was altered, or Clausewatch did not write it)`);
    }
    const block = sha256Hex(r.block);
    blockSha.set(r, block);
    const blockDigest = field(r, 'WARC-Block-Digest');
    if (!blockDigest) problems.push(`${name}: has no WARC-Block-Digest, so its content cannot be verified`);
    else {
      const match = digestMatches(blockDigest, block);
      if (match === 'unsupported') problems.push(`${name}: its WARC-Block-Digest is not SHA-256 (${blockDigest.slice(0, 20)})`);
      else if (!match) problems.push(`${name}: WARC-Block-Digest does not match its content (the content was altered)`);
    }
    if (type === 'warcinfo') continue;
    let payload = block;
    if (type === 'response') {
      const start = httpPayloadStart(r.block);
      if (start < 0) {
        problems.push(`${name}: its block is not an HTTP response (no end of headers)`);
        continue;
      }
      payload = sha256Hex(r.block.subarray(start));
    }
    payloadSha.set(r, payload);
    const payloadDigest = field(r, 'WARC-Payload-Digest');
    if (!payloadDigest) problems.push(`${name}: has no WARC-Payload-Digest`);
    else {
      const match = digestMatches(payloadDigest, payload);
      if (match === 'unsupported') problems.push(`${name}: its WARC-Payload-Digest is not SHA-256`);
      else if (!match) problems.push(`${name}: WARC-Payload-Digest does not match its payload (the page was altered)`);
    }
  }

  // The chains, and every capture and text against the entry it names.
  const chains = new Map<string, { record: ParsedRecord; entries: ChainEntry[]; bySeq: Map<number, ChainEntry>; listed: Map<string, { seq: number; type: string }> }>();
  for (const r of records.filter((x) => field(x, 'WARC-Type') === 'metadata')) {
    const name = describeRecord(r);
    let doc: z.infer<typeof ChainDocument>;
    try {
      const result = ChainDocument.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(r.block)));
      if (!result.success) {
        problems.push(`${name}: not a Clausewatch chain (${result.error.issues[0]?.path.join('.') || 'record'}: ${result.error.issues[0]?.message ?? 'invalid'})`);
        continue;
      }
      doc = result.data;
    } catch {
      problems.push(`${name}: its chain is not valid JSON`);
      continue;
    }
    if (field(r, 'Clausewatch-Policy') !== doc.policyId) problems.push(`${name}: names policy ${field(r, 'Clausewatch-Policy') ?? '(none)'} but holds the chain of ${doc.policyId}`);
    if (chains.has(doc.policyId)) problems.push(`${name}: a second chain for ${doc.policyId}`);
    for (const p of checkChain(doc.policyId, doc.entries)) problems.push(`${name}: chain entry ${p.seq} ${p.message}`);
    if (doc.head !== (doc.entries.at(-1)?.sha256 ?? null)) problems.push(`${name}: its head is not the hash of its last entry`);
    chains.set(doc.policyId, { record: r, entries: doc.entries, bySeq: new Map(doc.entries.map((e) => [e.seq, e])), listed: new Map(doc.records.map((m) => [m.id, { seq: m.seq, type: m.type }])) });
  }

  const seenIds = new Set<string>();
  for (const r of records) {
    const type = field(r, 'WARC-Type');
    if (type !== 'response' && type !== 'resource') continue;
    const name = describeRecord(r);
    const policyId = field(r, 'Clausewatch-Policy');
    const chain = policyId ? chains.get(policyId) : undefined;
    if (!chain) {
      problems.push(`${name}: no chain in this file covers it${policyId ? ` (policy ${policyId})` : ''}`);
      continue;
    }
    const id = field(r, 'WARC-Record-ID') ?? '';
    // A record copied in twice has the same id and digests; only its being there twice gives it away.
    if (seenIds.has(id)) problems.push(`${name}: a second record with the id ${id}`);
    seenIds.add(id);
    const seqText = field(r, 'Clausewatch-Chain-Entry') ?? '';
    // By the entry's own number, not its place in the list: a chain with a gap still names the right one.
    const entry = /^\d{1,9}$/.test(seqText) ? chain.bySeq.get(Number(seqText)) : undefined;
    if (!entry) {
      problems.push(`${name}: names no entry of the chain of ${policyId} (Clausewatch-Chain-Entry: ${seqText || 'missing'})`);
      continue;
    }
    const listed = chain.listed.get(id);
    if (!listed || listed.seq !== entry.seq || listed.type !== type) problems.push(`${name}: is not listed in the chain record of ${policyId}`);
    if (field(r, 'WARC-Target-URI') !== entry.url) problems.push(`${name}: its address differs from chain entry ${entry.seq} (${entry.url})`);
    if (type === 'response') {
      if (payloadSha.get(r) !== entry.rawSha256) problems.push(`${name}: this page is not the capture chain entry ${entry.seq} names (SHA-256 ${entry.rawSha256 ?? 'none'})`);
      if (field(r, 'WARC-Date') !== entry.capturedAt) problems.push(`${name}: its date differs from the capture time in chain entry ${entry.seq} (${entry.capturedAt})`);
    } else {
      if (blockSha.get(r) !== entry.textSha256) problems.push(`${name}: this text is not the text chain entry ${entry.seq} names (SHA-256 ${entry.textSha256})`);
      if (field(r, 'WARC-Date') !== entry.recordedAt) problems.push(`${name}: its date differs from chain entry ${entry.seq} (${entry.recordedAt})`);
    }
  }
  // The policies the file says it holds (its warcinfo record, which comes first and once).
  const infos = records.filter((r) => field(r, 'WARC-Type') === 'warcinfo');
  if (records[0] && field(records[0], 'WARC-Type') !== 'warcinfo') problems.push(`${describeRecord(records[0])}: the file does not start with its warcinfo record`);
  if (infos.length > 1) problems.push(`${describeRecord(infos[1]!)}: a second warcinfo record (a Clausewatch export has one)`);
  const listedPolicies = infos[0] ? policiesListed(infos[0]) : null;
  if (infos[0] && !listedPolicies) {
    lines.push('written before Clausewatch listed its policies in the warcinfo record: a policy removed whole from the file would not be noticed');
  } else if (listedPolicies) {
    if (listedPolicies.count !== listedPolicies.heads.size) problems.push(`${describeRecord(infos[0]!)}: says it holds ${listedPolicies.count} policies but lists ${listedPolicies.heads.size}`);
    for (const [policyId, head] of listedPolicies.heads) {
      const chain = chains.get(policyId);
      if (!chain) problems.push(`the file lists policy ${policyId}, whose chain is missing from it (the file was cut short or edited)`);
      else if ((chain.entries.at(-1)?.sha256 ?? 'none') !== head) problems.push(`${describeRecord(chain.record)}: the chain of ${policyId} ends elsewhere than at the head the file lists (${head})`);
    }
    for (const policyId of chains.keys()) if (!listedPolicies.heads.has(policyId)) problems.push(`${describeRecord(chains.get(policyId)!.record)}: the chain of ${policyId} is not among the policies the file lists`);
  }
  for (const [policyId, chain] of chains) {
    for (const [id, listed] of chain.listed) {
      if (!seenIds.has(id)) problems.push(`${describeRecord(chain.record)}: lists ${listed.type} ${id} for chain entry ${listed.seq} of ${policyId}, which is missing from the file`);
    }
    const raws = new Set(chain.entries.flatMap((e) => (e.rawSha256 ? [e.rawSha256] : [])));
    const inFile = new Set([...chain.listed.values()].filter((l) => l.type === 'response').map((l) => chain.bySeq.get(l.seq)?.rawSha256));
    const texts = [...chain.listed.values()].filter((l) => l.type === 'resource').length;
    const head = chain.entries.at(-1)?.sha256;
    lines.push(
      `chain of ${policyId}: ${chain.entries.length} ${chain.entries.length === 1 ? 'entry' : 'entries'}${head ? `, head ${head}` : ''}; ` +
        `${inFile.size} of ${raws.size} raw captures in the file (the others were pruned), ${texts} extracted ${texts === 1 ? 'text' : 'texts'}`,
    );
  }
  const ok = problems.length === 0 && records.length > 0;
  lines.unshift(`${records.length} WARC ${records.length === 1 ? 'record' : 'records'} read; every block and payload digest and record id checked`);
  return { ok, records: records.length, problems, lines };
}
