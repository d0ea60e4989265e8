import { describe, expect, it, vi } from 'vitest';
import { run } from './test-helpers';

// A bug in the engine must not look like the user's fault, and must not dump a stack unless asked.
vi.mock('../lib/core/engine/index', () => ({
  analyzeChange: () => {
    throw new Error('boom');
  },
  describePolicy: () => [],
}));

describe('internal errors', () => {
  it('exit 3 with a one-line message; the stack only with CLAUSEWATCH_DEBUG=1', async () => {
    const quiet = await run(['diff', 'policy-v1.md', 'policy-v2.md']);
    expect(quiet.code).toBe(3);
    expect(quiet.stderr).toBe('clausewatch: error: internal error: boom (set CLAUSEWATCH_DEBUG=1 for details)\n');
    const loud = await run(['diff', 'policy-v1.md', 'policy-v2.md'], { env: { CLAUSEWATCH_DEBUG: '1' } });
    expect(loud.code).toBe(3);
    expect(loud.stderr).toMatch(/^clausewatch: error: internal error: boom\nError: boom\n\s+at /);
  });

  it('in a batch, an internal error is that line\'s error result', async () => {
    const r = await run(['diff', '--batch', 'pairs.jsonl']);
    expect(r.code).toBe(1);
    const first = JSON.parse(r.stdout.split('\n')[0] ?? '') as { id: string; error: string };
    expect(first).toMatchObject({ id: 'examplo-html', error: 'internal error: boom' });
  });
});
