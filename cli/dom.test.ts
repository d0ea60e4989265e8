import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { estimatePageSize } from '../lib/core/page/markup-size';
import { DOM_LIMITS, lazyLiveLists, loadHtml, loadPageWithinLimits, measurePage, PageTooComplex } from './dom';

describe('loadHtml', () => {
  it('never runs page scripts', () => {
    const page = loadHtml('<title>Privacy</title><script>document.title = "ran"</script><p>x</p>', 'https://example.test/privacy');
    expect(page.document.title).toBe('Privacy');
    expect(page.document.URL).toBe('https://example.test/privacy');
    page.close();
  });

  it('closes a page with an <iframe> inside <svg> or <math>, which jsdom takes for a frame of its own', () => {
    for (const html of ['<svg><iframe></iframe></svg><iframe></iframe>', '<p>We share data.</p><math><iframe></iframe></math><p><iframe></iframe></p>']) {
      const page = loadHtml(html, 'https://example.test/privacy');
      expect(page.document.querySelectorAll('iframe').length).toBe(2);
      expect(() => page.close()).not.toThrow();
      expect(() => loadPageWithinLimits(html, 'https://example.test/privacy').close()).not.toThrow();
    }
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

describe('live child lists (jsdom, rebuilt when read, not on every change)', () => {
  const require = createRequire(import.meta.url);
  const implOf = (node: Node) => (require('jsdom/lib/jsdom/living/generated/utils.js') as { implForWrapper(w: Node): { _childrenList: { _query(): unknown[]; _list: unknown[] } | null } }).implForWrapper(node);

  it('is in effect on the jsdom the project pins', () => {
    loadHtml('<p>x</p>', 'https://example.test/').close();
    expect(lazyLiveLists(require)).toBe(true);
  });

  it('still reflects every change when read, through a list held from before', () => {
    const page = loadHtml('<body><div>a</div><div>b</div><div>c</div></body>', 'https://example.test/');
    const body = page.document.body;
    const children = body.children;
    const nodes = body.childNodes;
    expect(children.length).toBe(3);
    const p = page.document.createElement('p');
    body.replaceChild(p, children[1]!);
    expect([...children].map((e) => e.tagName)).toEqual(['DIV', 'P', 'DIV']);
    body.removeChild(children[0]!);
    body.append('text', page.document.createElement('span'));
    expect(children.length).toBe(3);
    expect(nodes.length).toBe(4);
    expect(nodes[2]!.textContent).toBe('text');
    expect(children[2]!.tagName).toBe('SPAN');
    page.close();
  });

  it('rebuilds a long list only when it is read, so turning 2,000 sibling divs into paragraphs is not 2,000 rebuilds', () => {
    // What Readability does to a cookie list laid out as sibling <div>s.
    const rows = Array.from({ length: 2000 }, (_, i) => `<div>cookie_${i}</div>`).join('');
    const page = loadHtml(`<body><div id="list">${rows}</div></body>`, 'https://example.test/');
    const list = page.document.getElementById('list')!;
    expect(list.children.length).toBe(2000);
    const impl = implOf(list)._childrenList!;
    let rebuilds = 0;
    const query = impl._query;
    impl._query = () => (rebuilds++, query());
    for (let row = list.firstElementChild; row; ) {
      const next = row.nextElementSibling;
      const p = page.document.createElement('p');
      p.append(...row.childNodes);
      list.replaceChild(p, row);
      row = next;
    }
    expect(rebuilds).toBe(0);
    expect(impl._list).toHaveLength(0); // and it holds none of the removed rows meanwhile
    expect(list.children.length).toBe(2000);
    expect(list.children[1999]!.outerHTML).toBe('<p>cookie_1999</p>');
    expect(rebuilds).toBe(1);
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

  it('counts the attributes written in each tag, as the parser reads them', () => {
    const html = `<!doctype html><title x=1>T</title><div a b=1 c = "2 > 3" d='e f=g' h=i/j k/l =m n"o p=>q</div><img src=x.png alt="a=b" / ><p x=y>`;
    const page = loadHtml(html, 'https://example.test/');
    const counts = [...page.document.querySelectorAll('*')].map((e) => e.attributes.length);
    page.close();
    const estimate = estimatePageSize(html);
    expect(estimate.attributes).toBe(counts.reduce((a, b) => a + b, 0));
    expect(estimate.mostAttributes).toBe(Math.max(...counts));
    expect(estimate.mostAttributes).toBe(9);
  });

  it('counts the attributes of every copy the parser makes of a formatting element left open', () => {
    const html = `<p><b class=x id=y><i lang=en>a<p>b<p>c<p>e`;
    const page = loadHtml(html, 'https://example.test/');
    const counts = [...page.document.querySelectorAll('*')].map((e) => e.attributes.length);
    page.close();
    // Three written, and as many again in each copy.
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3 * 3);
    // The estimate follows the parser roughly (it only has to stop what is far over the limits): it
    // counts the copies, not only the three written.
    const made = counts.reduce((a, b) => a + b, 0);
    expect(estimatePageSize(html).attributes).toBeGreaterThan(3);
    expect(estimatePageSize(html).attributes).toBeGreaterThanOrEqual(made * 0.7);
  });

  it('counts the 5 million attributes of a 20 MB tag in one pass', () => {
    const html = `<div ${'a=1 b=2 '.repeat(2_500_000)}>x</div><p>y`;
    expect(html.length).toBeGreaterThan(20_000_000);
    expect(estimatePageSize(html)).toMatchObject({ elements: 2, attributes: 5_000_000, mostAttributes: 5_000_000 });
  });

  it('sees 4,000 nested divs, in one pass over the text', () => {
    expect(estimatePageSize(nested(4_000))).toMatchObject({ depth: 4_000, elements: 4_003 });
    expect(estimatePageSize('<div>'.repeat(200_000)).depth).toBe(200_000);
  });
});

describe('estimatePageSize: elements the parser makes that no tag names', () => {
  const exactly = (html: string) => {
    const page = loadHtml(html, 'https://example.test/');
    const size = measurePage(page.document, { depth: 1e6, elements: 1e9, elementLevels: 1e12 });
    page.close();
    return size;
  };
  // Formatting elements left open inside a <div>, then paragraphs: the parser opens a copy of each in every
  // paragraph (the HTML standard's reconstruction of the active formatting elements).
  const reopened = (formatting: (k: number) => string, k: number, paragraphs: string) =>
    `<!doctype html><title>Privacy Policy</title><div>${Array.from({ length: k }, (_, i) => formatting(i)).join('')}We share data.</div>${paragraphs}`;

  it.each([
    ['distinct <b>s reopened in every paragraph', reopened((i) => `<b id=b${i}>`, 40, '<p>x'.repeat(300))],
    ['the same, with white space for text', reopened((i) => `<i class=c${i}>`, 40, '<p> '.repeat(300))],
    ['identical ones, of which the parser keeps three (the "Noah\'s Ark" clause)', reopened(() => '<b>', 40, '<p>x'.repeat(300))],
    ['closed before the paragraphs: nothing reopened', reopened((i) => `<b id=b${i}>`, 40, '').replace('We share data.', `We share data.${'</b>'.repeat(40)}`) + '<p>x'.repeat(300)],
    ['left open in table cells, which scope them', `<!doctype html><title>T</title><table>${'<tr><td><b>x<td><font color=red>y'.repeat(300)}</table><p>after`],
  ])('counts %s as the parser builds them', (_label, html) => {
    const estimate = estimatePageSize(html);
    const exact = exactly(html);
    expect(estimate.elements / exact.elements).toBeGreaterThan(0.9);
    expect(estimate.elements / exact.elements).toBeLessThan(1.1);
  });

  it('refuses, after a bounded look, stray end tags under a deep stack (each one looks for its element through the stack)', () => {
    const html = `<!doctype html><title>Privacy Policy</title>${'<div>'.repeat(500)}We share data.${'</span>'.repeat(50_000)}`;
    expect(() => loadPageWithinLimits(html, 'https://example.test/privacy')).toThrow(/^the page's markup keeps too many elements open to extract \(the look before parsing stopped after 20,000,000 steps\)$/);
  });

  it('refuses, after a bounded look, a page that keeps 20,000 formatting elements open (the look took 13 s on 400 KB of them): they nest', () => {
    const html = `<!doctype html><title>Privacy Policy</title><div>${Array.from({ length: 20_000 }, (_, i) => `<b id=b${i}>`).join('')}We share data.</div>${'<p>x'.repeat(50)}`;
    expect(() => loadPageWithinLimits(html, 'https://example.test/privacy')).toThrow(/^the page is nested too deeply to extract \(about [\d,]+ levels; the limit is 256\)$/);
  });

  it('refuses before parsing a 10 KB page that would build 400,000 elements (it took jsdom 28 s and 1.4 GB)', () => {
    const html = reopened((i) => `<b id=b${i}>`, 200, '<p>x'.repeat(2_000));
    expect(html.length).toBeLessThan(11_000);
    expect(() => loadPageWithinLimits(html, 'https://example.test/privacy')).toThrow(/^the page has too many elements to extract \(about 402,002; the limit is 20,000\)$/);
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
    // jsdom's parser is quadratic in the attributes of one tag: it took a minute over these 100,000.
    ['a tag of 100,000 attributes', nested(3, `<div ${Array.from({ length: 100_000 }, (_, i) => `a${i}=1`).join(' ')}>x</div>`), /^the page has a tag with too many attributes to extract \(100,000 in one tag; the limit is 1,000\)$/],
    ['150 tags of 800 attributes', nested(3, `<span ${Array.from({ length: 800 }, (_, i) => `a${i}=1`).join(' ')}>x</span>`.repeat(150)), /^the page has too many attributes to extract \(120,000; the limit is 100,000\)$/],
    // 3,000 attributes written, 7.5 million made: the parser copies the open <b>s into every paragraph.
    ['three unclosed <b> of 1,000 attributes before 2,500 paragraphs', nested(3, `<p>${`<b ${Array.from({ length: 1_000 }, (_, i) => `a${i}=1`).join(' ')}>`.repeat(3)}${'<p>x'.repeat(2_500)}`), /^the page has too many attributes to extract \(7,5\d\d,\d{3}; the limit is 100,000\)$/],
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
    const attributes = Array.from({ length: DOM_LIMITS.attributesPerTag }, (_, i) => `data-a${i}="1"`).join(' ');
    const dressed = loadPageWithinLimits(nested(3, `<p ${attributes}>x</p>`), 'https://example.test/privacy');
    expect(dressed.document.querySelector('p')?.attributes.length).toBe(DOM_LIMITS.attributesPerTag);
    dressed.close();
  });
});
