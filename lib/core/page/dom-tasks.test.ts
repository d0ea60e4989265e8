import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../scripts/lib/dom';
import { DomTaskResult, runDomTask, type ParseHtml } from './dom-tasks';
import { estimatePageSize, MAX_SCAN_WORK } from './markup-size';
import { isSameSite } from './hops';
import { EN_POLICY } from './detect/testpages';

const URL_ = 'https://acme.example/privacy';

/** jsdom's parser, counting the pages it was asked to parse. */
function parser() {
  const parsed: string[] = [];
  const parse: ParseHtml = (html) => {
    parsed.push(html);
    return loadHtml(html, URL_).document;
  };
  return { parse, parsed };
}

/** `n` distinct attributes, as written in a tag. */
const attributes = (n: number, prefix = 'data-a') => Array.from({ length: n }, (_, i) => ` ${prefix}${i}="x"`).join('');

describe('pages refused for their attributes, before any parser reads them', () => {
  it('a tag of more than 1,000 attributes: the policy is not read, and the refusal says how many', () => {
    const { parse, parsed } = parser();
    const html = EN_POLICY.replace('<body', `<body${attributes(1_001)}`);
    const r = runDomTask({ task: 'process', html, url: URL_ }, parse, isSameSite);
    expect(r).toMatchObject({ task: 'process', outcome: 'failed', detection: null, refusal: { code: 'attributes-in-tag', n: 1_001, m: 1_000 } });
    expect(parsed).toEqual([]);
  });

  it('a tag of exactly 1,000 is read as any page', () => {
    const { parse, parsed } = parser();
    const html = EN_POLICY.replace('<body', `<body${attributes(1_000)}`);
    expect(runDomTask({ task: 'process', html, url: URL_ }, parse, isSameSite)).toMatchObject({ outcome: 'policy' });
    expect(parsed).toHaveLength(1);
  });

  it('formatting elements left open, which the parser copies into every paragraph with their attributes, count as copied', () => {
    // 1,500 attributes written (three <b>s of 500), 150,000 once the parser has reopened them in 100 paragraphs.
    const open = [0, 1, 2].map((k) => `<b${attributes(500, `b${k}-`)}>`).join('');
    const html = EN_POLICY.replace('<body>', `<body><div>${open}Privacy</div>${'<p>x'.repeat(100)}`);
    expect(html).not.toBe(EN_POLICY);
    const { parse, parsed } = parser();
    const r = runDomTask({ task: 'process', html, url: URL_ }, parse, isSameSite);
    expect(r).toMatchObject({ outcome: 'failed', refusal: { code: 'attributes', m: 100_000 } });
    expect(r.task === 'process' && r.outcome === 'failed' && (r.refusal?.n ?? 0)).toBeGreaterThan(100_000);
    expect(parsed).toEqual([]);
  });

  it('a home page refused the same way offers no policy link, and is not parsed', () => {
    const { parse, parsed } = parser();
    const html = `<!doctype html><html><body${attributes(2_000)}><a href="/privacy">Privacy Policy</a></body></html>`;
    expect(runDomTask({ task: 'discover', html, url: 'https://acme.example/' }, parse, isSameSite)).toEqual({ task: 'discover', candidates: [] });
    expect(parsed).toEqual([]);
    // The same page with a few attributes offers its link.
    const plain = runDomTask({ task: 'discover', html: html.replace(attributes(2_000), ' class="home"'), url: 'https://acme.example/' }, parse, isSameSite);
    expect(plain).toMatchObject({ task: 'discover', candidates: [{ url: 'https://acme.example/privacy' }] });
  });

  it('the refusal survives the offscreen document\'s reply, which the background reads through the schema', () => {
    const { parse } = parser();
    const r = runDomTask({ task: 'process', html: `<p${attributes(1_200)}>x`, url: URL_ }, parse, isSameSite);
    expect(DomTaskResult.parse(JSON.parse(JSON.stringify(r)))).toMatchObject({ refusal: { code: 'attributes-in-tag', n: 1_200, m: 1_000 } });
  });
});

describe('a policy nested past what extraction reads', () => {
  it('is refused with its own code, not as an unexpected error', () => {
    const sentence = 'We keep your order history for six years and share your address with the courier. ';
    const chain = `${`<div>${sentence}`.repeat(300)}${'</div>'.repeat(300)}`;
    const html = EN_POLICY.replace('</main>', `${chain}</main>`);
    expect(html).not.toBe(EN_POLICY);
    const { parse } = parser();
    expect(runDomTask({ task: 'process', html, url: URL_ }, parse, isSameSite)).toMatchObject({ outcome: 'failed', refusal: { code: 'too-nested' } });
  });
});

describe('a page that keeps thousands of formatting elements open', () => {
  // Each unclosed <b> stays on the parser's stack and in its list of active formatting elements, so
  // following the parser costs steps per tag that grow with both: 400 KB of them took the look 13 s.
  const html = `<!doctype html><title>Privacy Policy</title><div>${Array.from({ length: 20_000 }, (_, i) => `<b id=b${i}>`).join('')}We share data.</div>${'<p>x'.repeat(50)}`;

  it('is looked at in bounded steps, and refused as nested past reading, unparsed', () => {
    const estimate = estimatePageSize(html);
    expect(estimate.overWork).toBe(true);
    // Stopped at the bound (one tag's charge past it at most), not at the end of the page.
    expect(estimate.steps).toBeGreaterThan(MAX_SCAN_WORK);
    expect(estimate.steps).toBeLessThan(MAX_SCAN_WORK + 100_000);
    const { parse, parsed } = parser();
    expect(runDomTask({ task: 'process', html, url: URL_ }, parse, isSameSite)).toMatchObject({ outcome: 'failed', refusal: { code: 'too-nested' } });
    expect(runDomTask({ task: 'discover', html, url: URL_ }, parse, isSameSite)).toEqual({ task: 'discover', candidates: [] });
    expect(parsed).toEqual([]);
  });

  it('a policy page is far inside the bound', () => {
    expect(estimatePageSize(EN_POLICY)).toMatchObject({ steps: expect.any(Number) });
    expect(estimatePageSize(EN_POLICY).overWork).toBeUndefined();
    expect(estimatePageSize(EN_POLICY).steps).toBeLessThan(MAX_SCAN_WORK / 1_000);
  });
});
