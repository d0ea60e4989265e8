/**
 * `detect` on text that is already extracted (Markdown, plain text) runs the detector only: building
 * an HTML page from it to run Readability on, and then discarding what Readability found, was all cost.
 */
import { describe, expect, it, vi } from 'vitest';
import { DetectOutput } from './output';
import { detectPolicy } from '../lib/core/page/detect/detect';
import { documentFromMarkdown } from '../lib/core/page/markdown';
import { htmlFromDocument } from './analyze';
import { loadHtml } from './dom';
import { run } from './test-helpers';

const extractions = vi.hoisted(() => ({ count: 0 }));
vi.mock('../lib/core/page/extract/extract', async (importOriginal) => {
  const real = await importOriginal<typeof import('../lib/core/page/extract/extract')>();
  return {
    ...real,
    extractPolicy: (...args: Parameters<typeof real.extractPolicy>) => {
      extractions.count++;
      return real.extractPolicy(...args);
    },
  };
});

describe('detect on text', () => {
  it.each(['policy-v1.md', 'policy-v1.txt'])('never runs the HTML extraction on %s', async (file) => {
    extractions.count = 0;
    const out = DetectOutput.parse(JSON.parse((await run(['detect', file, '--json'])).stdout));
    expect(out.kind).toBe('privacy-policy');
    expect(out.document?.method).toBe('markdown');
    expect(extractions.count).toBe(0);
    // The counter does count: an HTML page is extracted once.
    await run(['detect', 'policy-v1.html', '--json']);
    expect(extractions.count).toBe(1);
  });

  it('builds a page only as large as what detection reads, however long the text', () => {
    const section = (i: number) => `## Section ${i}\n\n${'We collect your email address and share it with our partners. '.repeat(40)}\n\n`;
    const markdown = `# Privacy Policy\n\n${Array.from({ length: 2_100 }, (_, i) => section(i)).join('')}`;
    expect(markdown.length).toBeGreaterThan(5_000_000);
    const html = htmlFromDocument(documentFromMarkdown(markdown, { url: 'https://example.test/privacy' }));
    expect(html.length).toBeLessThan(150_000);
    // The headings detection counts (up to 300) are all there.
    expect(html.match(/<h2>/g)?.length).toBeGreaterThanOrEqual(300);
  });

  it('gives the detector the same verdict as a page built from every block', () => {
    const body = (i: number) => (i % 7 === 0 ? `### Cookies ${i}\n\n` : '') + `${i % 3 ? 'We share your personal information with service providers. ' : 'Our recipes are delicious and quick. '.repeat(3)}\n\n`;
    const markdown = `# Privacy Policy\n\nLast updated: March 3, 2024\n\n${Array.from({ length: 4_000 }, (_, i) => body(i)).join('')}`;
    const doc = documentFromMarkdown(markdown, { url: 'https://example.test/privacy' });
    const full = `<!doctype html><html><head><title>${doc.title}</title></head><body><main>\n${doc.blocks.map((b) => (b.kind === 'heading' ? `<h${b.level}>${b.text}</h${b.level}>` : `<p>${b.text}</p>`)).join('\n')}\n</main></body></html>`;
    const verdict = (html: string) => {
      const page = loadHtml(html, 'https://example.test/privacy');
      try {
        return detectPolicy(page.document, 'https://example.test/privacy');
      } finally {
        page.close();
      }
    };
    const bounded = htmlFromDocument(doc);
    expect(bounded.length).toBeLessThan(full.length / 2);
    expect(verdict(bounded)).toEqual(verdict(full));
  });
});
