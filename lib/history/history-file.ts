/**
 * The history file as it is written (format 'clausewatch-history', version 2): each paragraph once, in a
 * list at the top (`blocks`), and each version's document listing its paragraphs by their place in that
 * list. The store shares paragraphs between the versions of a policy, and a long policy changes a few
 * paragraphs at a time, so writing every version's whole text (version 1) made a file about twenty times
 * what the store keeps, and a long history a file too large to import again (MAX_IMPORT_CHARS).
 *
 * `packHistory` writes the history (store.exportAll: every version as its whole document) as version 2;
 * `readHistoryFile` reads version 1 or 2 back as that history, checked against its schema. Reading
 * version 2 writes no paragraph twice in memory: the versions share the file's paragraph objects. What its
 * versions hold once written out is bounded, as a version 1 file's is by its size, since each version's
 * text is hashed whole on import: the paragraphs they list (MAX_IMPORT_PARAGRAPHS), and the characters
 * of the form a version is hashed in (MAX_IMPORT_TEXT_CHARS in all, MAX_IMPORT_VERSION_CHARS a version), so
 * an empty paragraph listed a million times costs what it would cost written out.
 */
import { z } from 'zod';
import { Block, PolicyDocument } from '../core/schema';
import { MAX_IMPORT_PARAGRAPHS, MAX_IMPORT_TEXT_CHARS, MAX_IMPORT_VERSION_CHARS } from '../core/limits';
import { describeIssues } from './errors';
import { canonicalBlock, hashedLength } from './hash';
import { ExportFile, ExportPolicy, ExportSite, ExportVersion } from './schema';

/** A version's document with its paragraphs given by their place in the file's `blocks`. */
const PackedDocument = PolicyDocument.extend({ blocks: z.array(z.number().int().nonnegative()) });
const PackedVersion = ExportVersion.extend({ document: PackedDocument });
const PackedPolicy = ExportPolicy.extend({ versions: z.array(PackedVersion).min(1) });
const PackedSite = ExportSite.extend({ policies: z.array(PackedPolicy) });

export const PackedHistoryFile = z.object({
  format: z.literal('clausewatch-history'),
  version: z.literal(2),
  exportedAt: ExportFile.shape.exportedAt,
  /** Every paragraph of the file once, in the order first used. */
  blocks: z.array(Block),
  sites: z.array(PackedSite),
});
export type PackedHistoryFile = z.infer<typeof PackedHistoryFile>;

/** The history file to write: every paragraph once (equal paragraphs are one however many versions hold them). */
export function packHistory(file: ExportFile): PackedHistoryFile {
  const blocks: Block[] = [];
  const byText = new Map<string, number>();
  const place = (block: Block): number => {
    const key = canonicalBlock(block);
    let at = byText.get(key);
    if (at === undefined) {
      at = blocks.push(block) - 1;
      byText.set(key, at);
    }
    return at;
  };
  const sites = file.sites.map((s) => ({
    ...s,
    policies: s.policies.map((p) => ({
      ...p,
      versions: p.versions.map((v) => ({ ...v, document: { ...v.document, blocks: v.document.blocks.map(place) } })),
    })),
  }));
  return { format: 'clausewatch-history', version: 2, exportedAt: file.exportedAt, blocks, sites };
}

export type ReadFile =
  | { ok: true; file: ExportFile }
  | { ok: false; why: 'not-ours' }
  | { ok: false; why: 'damaged'; detail: string }
  /** More than an import takes (lib/core/import-refusal.ts 'too-large'). */
  | { ok: false; why: 'too-large'; unit: 'characters' | 'paragraphs'; limit: number; policy?: string };

/** A site and path from the file as an English detail names it: bounded (the page shows it escaped). */
const named = (site: string, path: string) => JSON.stringify(`${site}${path}`.slice(0, 100));

/** A history file (version 1 or 2) read as the history it holds, or why it cannot be read. */
export function readHistoryFile(data: unknown): ReadFile {
  const ours = !!data && typeof data === 'object' && (data as { format?: unknown }).format === 'clausewatch-history';
  if (!ours) return { ok: false, why: 'not-ours' };
  if ((data as { version?: unknown }).version !== 2) {
    const parsed = ExportFile.safeParse(data);
    return parsed.success ? { ok: true, file: parsed.data } : { ok: false, why: 'damaged', detail: describeIssues(parsed.error) };
  }
  const parsed = PackedHistoryFile.safeParse(data);
  if (!parsed.success) return { ok: false, why: 'damaged', detail: describeIssues(parsed.error) };
  const { blocks } = parsed.data;
  // Each paragraph as it is hashed, as a save measures it (hash.ts prepareDocument hashedChars).
  const sizes = blocks.map((block) => hashedLength(canonicalBlock(block)));
  let total = 0;
  let listed = 0;
  const sites: ExportSite[] = [];
  for (const s of parsed.data.sites) {
    const policies: ExportPolicy[] = [];
    for (const p of s.policies) {
      const versions: ExportVersion[] = [];
      for (const [i, v] of p.versions.entries()) {
        listed += v.document.blocks.length;
        if (listed > MAX_IMPORT_PARAGRAPHS) return { ok: false, why: 'too-large', unit: 'paragraphs', limit: MAX_IMPORT_PARAGRAPHS };
        let chars = 0;
        const list: Block[] = [];
        for (const at of v.document.blocks) {
          const block = blocks[at];
          if (block === undefined) return { ok: false, why: 'damaged', detail: `version ${i + 1} of ${named(s.site, p.path)} names paragraph ${at}, and the file has ${blocks.length}` };
          chars += sizes[at]!;
          if (chars > MAX_IMPORT_VERSION_CHARS) return { ok: false, why: 'too-large', unit: 'characters', limit: MAX_IMPORT_VERSION_CHARS, policy: `${s.site}${p.path}` };
          list.push(block);
        }
        total += chars;
        if (total > MAX_IMPORT_TEXT_CHARS) return { ok: false, why: 'too-large', unit: 'characters', limit: MAX_IMPORT_TEXT_CHARS };
        versions.push({ ...v, document: { ...v.document, blocks: list } });
      }
      policies.push({ ...p, versions });
    }
    sites.push({ ...s, policies });
  }
  return { ok: true, file: { format: 'clausewatch-history', version: 1, exportedAt: parsed.data.exportedAt, sites } };
}
