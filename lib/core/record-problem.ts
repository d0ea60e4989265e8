/**
 * Why a policy's record does not verify, by code: the store finds the problems (lib/history
 * read-evidence.ts verifyChains, evidence/chain.ts checkChain), the history page words them in the user's
 * language (lib/core/explain, ui.record.problem). The English sentences stay beside them, for a page that
 * receives no codes.
 */
import { z } from 'zod';

const Seq = z.number().int().nonnegative();

export const RecordProblem = z.discriminatedUnion('code', [
  /** Chain entry `seq` belongs to another policy. */
  z.object({ code: z.literal('other-policy'), seq: Seq }),
  /** Chain entry `seq` is numbered `seq` but stands at `position`. */
  z.object({ code: z.literal('misnumbered'), seq: Seq, position: Seq }),
  /** Chain entry `seq` does not match its own hash: it was altered. */
  z.object({ code: z.literal('altered-entry'), seq: Seq }),
  /** The first entry names a previous one. */
  z.object({ code: z.literal('starts-with-link'), seq: Seq }),
  /** Chain entry `seq` does not link to the one before: an entry was altered, removed or inserted. */
  z.object({ code: z.literal('broken-link'), seq: Seq }),
  /** The version first seen at `seen` (ms) has no chain entry. */
  z.object({ code: z.literal('no-entry'), seen: z.number() }),
  /** The stored text of the version first seen at `seen` is not the text its chain entry names. */
  z.object({ code: z.literal('text-altered'), seen: z.number() }),
  /** A kept page (its hash's first 12 hex digits) does not match its hash. */
  z.object({ code: z.literal('page-altered'), sha: z.string().max(12) }),
]);
export type RecordProblem = z.infer<typeof RecordProblem>;
