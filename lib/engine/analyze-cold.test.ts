/**
 * The first analysis in a fresh process: a file of its own, because the module must not have analysed
 * anything before (vitest gives each test file fresh modules).
 */
import { describe, expect, it } from 'vitest';
import { documentFromMarkdown } from '../markdown';
import { analyzeChange } from './index';

const OLDER = `# Privacy Policy

## How we share information

We share your information with service providers who host our servers.

We do not sell your personal information.
`;
const NEWER = OLDER.replace('who host our servers.', 'who host our servers.\n\nWe may use your content to train our AI models.');
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

describe('the first analysis in a fresh process', () => {
  it('is not left simplified because the process was cold: it runs once more, warm', () => {
    const a = analyzeChange(doc(OLDER), doc(NEWER), { clock: coldClock(10) });
    expect(a.truncated).toBe(false);
    expect(a.findings.map((f) => f.headline)).toContain('New: your content may be used to train AI models');
  });

  it('is the only one run twice: a later analysis that runs out of time says so', () => {
    const a = analyzeChange(doc(OLDER), doc(NEWER), { clock: coldClock(10) });
    expect(a.truncated).toBe(true);
  });
});
