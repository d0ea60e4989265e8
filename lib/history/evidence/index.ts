/**
 * Evidence a user can hand to someone else: raw captures (raw.ts), the text extracted from each
 * (text.ts), a hash chain per policy (chain.ts), and a WARC 1.1 export of all three (export.ts) that
 * `verify` checks (verify.ts). Pure: no browser API; CompressionStream is in browsers and Node alike.
 */
export { ChainEntry, CHAIN_FORMAT, chainEntryHash, chainEntryPreimage, checkChain, nextEntry, sealEntry } from './chain';
export type { ChainProblem, UnsealedEntry } from './chain';
export { HEX_SHA256, sha256Hex, utf8, warcDigest } from './digest';
export { buildEvidenceWarc, evidenceFilename } from './export';
export type { EvidenceExport, EvidencePolicy } from './export';
export { gunzip, gzip, MAX_RAW_BYTES, prepareRaw } from './raw';
export type { PreparedRaw } from './raw';
export { renderExtractedText, TEXT_FORMAT, textSha256 } from './text';
export { describeRecord, digestMatches, verifyWarc } from './verify';
export type { VerifyReport } from './verify';
export { parseWarc, recordIdFor, warcRecord } from './warc';
