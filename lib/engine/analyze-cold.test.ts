/**
 * The first analysis in a fresh process. Each test loads the engine afresh (vi.resetModules), as a
 * service worker that has just woken up does, so none depends on another having run first.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { documentFromMarkdown } from '../markdown';

const OLDER = `# Privacy Policy

Last updated: January 1, 2024

## How we share information

We share your information with service providers who host our servers.

We do not sell your personal information.
`;
const NEWER = OLDER.replace('who host our servers.', 'who host our servers.\n\nWe may use your content to train our AI models.');
const DATE_ONLY = OLDER.replace('January 1, 2024', 'March 3, 2025');
const doc = (text: string) => documentFromMarkdown(text, { url: 'https://example.com/privacy', language: 'en' });

/**
 * A clock for a process that is slow only while it warms up: its first `slowReadings` readings are 100 ms
 * apart (compiling, as on a cold start), the rest a microsecond.
 */
function coldClock(slowReadings: number): () => number {
  let t = 0;
  let n = 0;
  return () => (t += n++ < slowReadings ? 100 : 0.001);
}
const fastClock = () => coldClock(0);

async function freshEngine() {
  return (await import('./analyze')).analyzeChange;
}

describe('the first analysis in a fresh process', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('is not left simplified because the process was cold: it runs once more, warm', async () => {
    const analyzeChange = await freshEngine();
    const a = analyzeChange(doc(OLDER), doc(NEWER), { clock: coldClock(10) });
    expect(a.truncated).toBe(false);
    expect(a.findings.map((f) => f.headline)).toContain('New: your content may be used to train AI models');
  });

  it('is the only one run again: a later analysis that runs out of time says so', async () => {
    const analyzeChange = await freshEngine();
    expect(analyzeChange(doc(OLDER), doc(NEWER), { clock: fastClock() }).truncated).toBe(false);
    expect(analyzeChange(doc(OLDER), doc(NEWER), { clock: coldClock(10) }).truncated).toBe(true);
  });

  it('counts from the first analysis that classifies anything: a date-only change before it does not use up the re-run', async () => {
    const analyzeChange = await freshEngine();
    analyzeChange(doc(OLDER), doc(DATE_ONLY), { clock: fastClock() });
    expect(analyzeChange(doc(OLDER), doc(NEWER), { clock: coldClock(10) }).truncated).toBe(false);
  });
});
