import { describe, expect, it } from 'vitest';
import { DOM_LIMITS, estimatePageSize, loadHtml, loadPageWithinLimits, measurePage, PageTooComplex } from './dom';

describe('loadHtml', () => {
  it('never runs page scripts', () => {
    const page = loadHtml('<title>Privacy</title><script>document.title = "ran"</script><p>x</p>', 'https://example.test/privacy');
    expect(page.document.title).toBe('Privacy');
    expect(page.document.URL).toBe('https://example.test/privacy');
    page.close();
  });

  it('still reads a page whose stylesheet jsdom cannot parse', () => {
    // `border: inherit` followed by a longhand makes jsdom's CSS library throw while building the tree.
    const html = '<style>p{border:inherit;border-color:transparent}</style><h1>Privacy Policy</h1><p>We collect data.</p>';
    const page = loadHtml(html, 'https://example.test/privacy');
    expect(page.document.querySelector('h1')?.textContent).toBe('Privacy Policy');
    expect(page.document.querySelectorAll('style')).toHaveLength(1);
    page.close();
  });
});

const nested = (n: number, inner = '<p>We collect your email address.</p>') => `<!doctype html><title>Privacy Policy</title><body>${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}</body>`;

describe('estimatePageSize', () => {
  it('follows nesting as the parser would, closely enough', () => {
    const html = `<!doctype html><html><head><title>a <div> in a title</title><script>if (a<b) document.write("<div><div><div>")</script>
      <style>div > div { }</style></head><body><!-- <div><div> --><div><p>one<p>two<br><img src=x><ul><li>a<li>b</ul>
      <a href="#">x<a href="#">y</a><svg><path d="M0 0"/><g><rect/></g></svg><input value="<div>"></div></body></html>`;
    const page = loadHtml(html, 'https://example.test/');
    const exact = measurePage(page.document);
    page.close();
    const estimate = estimatePageSize(html);
    // Elements the parser supplies (html, head, body, tbody) aside, the counts agree; the depth estimate
    // leaves out the elements whose end tags the parser supplies, so it never exceeds the real one.
    expect(Math.abs(estimate.elements - exact.elements)).toBeLessThanOrEqual(3);
    expect(estimate.depth).toBeLessThanOrEqual(exact.depth);
    expect(estimate.depth).toBeGreaterThanOrEqual(exact.depth - 3);
  });

  it('sees 4,000 nested divs, in one pass over the text', () => {
    expect(estimatePageSize(nested(4_000))).toMatchObject({ depth: 4_000, elements: 4_003 });
    expect(estimatePageSize('<div>'.repeat(200_000)).depth).toBe(200_000);
  });
});

describe('loadPageWithinLimits', () => {
  it('loads an ordinary page', () => {
    const page = loadPageWithinLimits(nested(30), 'https://example.test/privacy');
    expect(page.document.querySelector('p')?.textContent).toBe('We collect your email address.');
    page.close();
  });

  it.each([
    // Refused from the markup, before jsdom parses it (jsdom alone takes seconds on 4,000 levels).
    ['4,000 nested divs', nested(4_000), /^the page is nested too deeply to extract \(about 4,000 levels; the limit is 256\)$/],
    ['100,000 nested divs', nested(100_000), /^the page is nested too deeply to extract \(about 100,000 levels; the limit is 256\)$/],
    ['45,000 elements', `<title>Privacy Policy</title>${'<span>x</span>'.repeat(45_000)}`, /^the page has too many elements to extract \(about 45,001; the limit is 20,000\)$/],
    ['6,000 paragraphs under 100 divs', nested(100, '<p>x</p>'.repeat(6_000)), /^the page is too large for how deeply it is nested to extract \(elements × their levels: about 6\d\d,\d{3}; the limit is 250,000\)$/],
    // Refused once parsed, before Readability.
    ['300 nested divs', nested(300), /^the page is nested too deeply to extract \(over 256 levels; the limit is 256\)$/],
    ['25,000 elements', `<title>Privacy Policy</title>${'<span>x</span>'.repeat(25_000)}`, /^the page has too many elements to extract \(over 20,000; the limit is 20,000\)$/],
  ])('refuses %s with one line, before Readability and without overflowing the stack', (_label, html, message) => {
    let error: unknown;
    try {
      loadPageWithinLimits(html, 'https://example.test/privacy').close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PageTooComplex);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('lets through pages up to the limits', () => {
    const deep = loadPageWithinLimits(nested(DOM_LIMITS.depth - 5), 'https://example.test/privacy');
    deep.close();
    const wide = loadPageWithinLimits(`<title>x</title>${'<span>x</span>'.repeat(DOM_LIMITS.elements - 10)}`, 'https://example.test/privacy');
    wide.close();
  });
});
