import { describe, expect, it, vi } from 'vitest';
import { loadHtml } from '../../../scripts/lib/dom';
import { serializeInSlices } from './serialize';

/** A clock that advances by `step` ms on every reading, so slicing is deterministic. */
function tickingClock(step: number) {
  let t = 0;
  return () => (t += step);
}

const noPause = () => Promise.resolve();

/** Writes down each serialisation (`outerHTML`) of these elements, by their id or name, still serialising them. */
function watchOuterHTML(elements: Element[]): string[] {
  const serialised: string[] = [];
  for (const el of elements) {
    const outerHTML = Object.getOwnPropertyDescriptor(el.ownerDocument.defaultView!.Element.prototype, 'outerHTML')!.get!;
    Object.defineProperty(el, 'outerHTML', { get: () => (serialised.push(el.id || el.localName), outerHTML.call(el) as string) });
  }
  return serialised;
}

describe('serializeInSlices', () => {
  it('produces exactly outerHTML, including text that needs escaping, comments, raw-text and void elements', async () => {
    const html = `<!doctype html><html lang="fr"><head><title>a &amp; b</title><style>p > a { color: red }</style></head>
<body class="x" data-q='say "hi"'><h1>Politique &lt;de&gt; confidentialité</h1><!-- note -->
<main>${Array.from({ length: 40 }, (_, i) => `<section id="s${i}"><h2>Part ${i}</h2><p>We&nbsp;share A &amp; B &lt;tags&gt; with <b>partners</b><br>and more.</p><img src="/i${i}.png" alt="x"></section>`).join('\n')}</main>
<script type="application/json">{"a":"<b>&amp;</b>"}</script><pre>
 keep  spaces</pre><svg viewBox="0 0 1 1"><path d="M0 0"/></svg></body></html>`;
    const { document } = loadHtml(html, 'https://x.example/');
    const r = await serializeInSlices(document.documentElement, { clock: tickingClock(0), pause: noPause, wholeBelow: 5 });
    expect(r.ok && r.html).toBe(document.documentElement.outerHTML);
  });

  it('pauses between slices on a big page, and still produces the same copy', async () => {
    const body = Array.from({ length: 3000 }, (_, i) => `<p>Paragraph ${i} about <a href="/${i}">data</a>.</p>`).join('');
    const { document } = loadHtml(`<title>t</title><h1>Privacy</h1><div>${body}</div>`, 'https://x.example/');
    let pauses = 0;
    const r = await serializeInSlices(document.documentElement, {
      clock: tickingClock(1),
      pause: () => {
        pauses++;
        return Promise.resolve();
      },
      sliceMs: 10,
      wholeBelow: 50,
    });
    expect(r.ok && r.html).toBe(document.documentElement.outerHTML);
    expect(pauses).toBeGreaterThan(100);
    expect(r.slices).toBe(pauses + 1);
  });

  it('stops with a reason once the copy passes the size limit', async () => {
    const { document } = loadHtml(`<title>t</title>${'<p>x</p>'.repeat(2000)}`, 'https://x.example/');
    const r = await serializeInSlices(document.documentElement, { clock: tickingClock(0), pause: noPause, maxChars: 5000, wholeBelow: 10 });
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/too large/) });
  });

  it('copies a deeply nested page (browsers cap nesting near 512) the same way', async () => {
    const depth = 500;
    const { document } = loadHtml(`<title>t</title>${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`, 'https://x.example/');
    const r = await serializeInSlices(document.body, { clock: tickingClock(0), pause: noPause, wholeBelow: 100 });
    expect(r.ok && r.html).toBe(document.body.outerHTML);
  });

  it('runs none of the page\'s code: a policy inside a custom element is copied without calling its constructor again', async () => {
    const paras = Array.from({ length: 30 }, (_, i) => `<p>Section ${i}: we collect your e-mail address.</p>`).join('');
    const { document } = loadHtml(`<title>t</title><policy-doc data-note='1 < 2 &amp; "3" > 0&nbsp;' xml:lang="en">${paras}</policy-doc>`, 'https://x.example/');
    const win = document.defaultView!;
    let constructed = 0;
    win.customElements.define(
      'policy-doc',
      class extends win.HTMLElement {
        constructor() {
          super();
          constructed++;
        }
      },
    );
    // Defining the element upgraded the one on the page: the page has run its constructor once.
    expect(constructed).toBe(1);
    const r = await serializeInSlices(document.documentElement, { clock: tickingClock(0), pause: noPause, wholeBelow: 5 });
    expect(constructed).toBe(1);
    expect(r.ok && r.html).toBe(document.documentElement.outerHTML);
    expect(r.ok && r.html).toContain('<policy-doc data-note="1 &lt; 2 &amp; &quot;3&quot; &gt; 0&nbsp;" xml:lang="en"><p>Section 0');
  });

  it('stops, and says why, at a page nested deeper than the extractor reads, and copies one at the limit', async () => {
    // The root's children are at level 1: here the body, so the paragraphs are at level 2 + depth. There
    // are more of them than are copied in one call, so every wrapper is opened on the way down.
    const paras = '<p>We keep your data for a year.</p>'.repeat(12);
    const nested = (depth: number) => loadHtml(`<title>t</title>${'<div>'.repeat(depth)}${paras}${'</div>'.repeat(depth)}`, 'https://x.example/').document;
    const atLimit = nested(19);
    const ok = await serializeInSlices(atLimit.documentElement, { clock: tickingClock(0), pause: noPause, wholeBelow: 10, maxDepth: 21 });
    expect(ok.ok && ok.html).toBe(atLimit.documentElement.outerHTML);
    const deeper = nested(20);
    const refused = await serializeInSlices(deeper.documentElement, { clock: tickingClock(0), pause: noPause, wholeBelow: 10, maxDepth: 21 });
    expect(refused).toMatchObject({ ok: false, reason: 'page nested too deeply to extract (more than 21 levels)' });
  });

  it('refuses a page whose text alone is over the size limit before serialising the element that holds it', async () => {
    const { document } = loadHtml(`<title>t</title><main><h1>Privacy</h1><p>Short.</p><pre>${'log line of a huge dump\n'.repeat(400)}</pre><p>${'x'.repeat(9000)}</p></main>`, 'https://x.example/');
    const serialised: string[] = [];
    // Each serialisation of these elements is written down.
    const outerHTML = Object.getOwnPropertyDescriptor(document.defaultView!.Element.prototype, 'outerHTML')!.get!;
    for (const el of Array.from(document.querySelectorAll('pre, p, main, body'))) {
      Object.defineProperty(el, 'outerHTML', { get: () => (serialised.push(el.localName), outerHTML.call(el) as string) });
    }
    const r = await serializeInSlices(document.documentElement, { clock: tickingClock(0), pause: noPause, maxChars: 5000, wholeBelow: 2 });
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/too large/) });
    expect(serialised).not.toContain('pre');
    // Copied whole, the same page is refused without serialising its body.
    serialised.length = 0;
    const whole = await serializeInSlices(document.documentElement, { clock: tickingClock(0), pause: noPause, maxChars: 5000 });
    expect(whole).toMatchObject({ ok: false, reason: expect.stringMatching(/too large/) });
    expect(serialised).toEqual([]);
  });

  it('refuses an element copied whole whose attribute alone is over the size limit, before serialising it', async () => {
    const { document } = loadHtml(`<title>t</title><main><h1>Privacy</h1>${'<p>We keep your data for a year.</p>'.repeat(20)}<div id="big">x</div></main>`, 'https://x.example/');
    document.getElementById('big')!.setAttribute('data-x', 'v'.repeat(20_000));
    const serialised = watchOuterHTML([document.documentElement, document.body, document.querySelector('main')!, document.getElementById('big')!]);
    // Copied whole from the root, and reached on its own below opened elements.
    const whole = await serializeInSlices(document.documentElement, { clock: tickingClock(0), pause: noPause, maxChars: 5000 });
    expect(whole).toMatchObject({ ok: false, reason: 'page too large to copy (more than 5000 characters)' });
    const sliced = await serializeInSlices(document.documentElement, { clock: tickingClock(0), pause: noPause, maxChars: 5000, wholeBelow: 5 });
    expect(sliced).toMatchObject({ ok: false, reason: 'page too large to copy (more than 5000 characters)' });
    expect(serialised).toEqual([]);
  });

  it('measures the attributes a script set that cannot be read by their names: an upper-case one beside its lower-case twin, and a second of one name', async () => {
    for (const set of [
      (el: Element) => (el.setAttribute('data-x', 'small'), el.setAttributeNS(null, 'Data-X', 'v'.repeat(20_000))),
      (el: Element) => (el.setAttribute('data-x', 'small'), el.setAttributeNS('urn:example', 'data-x', 'v'.repeat(20_000))),
    ]) {
      const { document } = loadHtml(`<title>t</title><main><h1>Privacy</h1><p>Short.</p><div>x</div></main>`, 'https://x.example/');
      const big = document.querySelector('main > div')!;
      set(big);
      // getAttribute finds the small one by both names.
      expect(big.getAttributeNames().map((n) => big.getAttribute(n))).toEqual(['small', 'small']);
      const serialised = watchOuterHTML([document.documentElement, big]);
      const r = await serializeInSlices(document.documentElement, { clock: tickingClock(0), pause: noPause, maxChars: 5000 });
      expect(r).toMatchObject({ ok: false, reason: 'page too large to copy (more than 5000 characters)' });
      expect(serialised).toEqual([]);
      // Under the limit, both are copied.
      const fits = await serializeInSlices(document.documentElement, { clock: tickingClock(0), pause: noPause, wholeBelow: 2 });
      expect(fits.ok && fits.html).toBe(document.documentElement.outerHTML);
    }
  });

  it('refuses a small subtree of many elements, each with a big attribute, before serialising it, and copies it when it fits', async () => {
    const spans = Array.from({ length: 100 }, (_, i) => `<span data-i="${i}">${i}</span>`).join('');
    const { document } = loadHtml(`<title>t</title><h1>Privacy</h1>${'<p>We keep your data for a year.</p>'.repeat(300)}<section id="cards">${spans}</section>`, 'https://x.example/');
    for (const span of Array.from(document.querySelectorAll('span'))) span.setAttribute('data-card', 'c'.repeat(2_000));
    // The body (400 elements) is opened, the section (100) copied whole.
    const options = { clock: tickingClock(0), pause: noPause, wholeBelow: 200 };
    const serialised = watchOuterHTML([document.getElementById('cards')!]);
    const refused = await serializeInSlices(document.documentElement, { ...options, maxChars: 50_000 });
    expect(refused).toMatchObject({ ok: false, reason: 'page too large to copy (more than 50000 characters)' });
    expect(serialised).toEqual([]);
    // What is measured is at most what is written: a limit the copy just fits is no refusal.
    const length = document.documentElement.outerHTML.length;
    const fits = await serializeInSlices(document.documentElement, { ...options, maxChars: length });
    expect(fits.ok && fits.html).toBe(document.documentElement.outerHTML);
    expect(serialised).toEqual(['cards']);
  });

  it('refuses an opened element whose own attribute is over the size limit before writing its start tag', async () => {
    const { document } = loadHtml(`<title>t</title><h1>Privacy</h1>${'<p>We keep your data for a year.</p>'.repeat(20)}`, 'https://x.example/');
    const value = '&'.repeat(20_000);
    document.body.setAttribute('data-state', value);
    // Escaping the value is the work of writing the start tag: it must not happen.
    const replace = vi.spyOn(String.prototype, 'replace');
    try {
      const r = await serializeInSlices(document.documentElement, { clock: tickingClock(0), pause: noPause, maxChars: 5000, wholeBelow: 5 });
      expect(r).toMatchObject({ ok: false, reason: 'page too large to copy (more than 5000 characters)' });
      expect(replace.mock.contexts.map((s) => String(s).length).filter((n) => n >= value.length)).toEqual([]);
    } finally {
      replace.mockRestore();
    }
  });

  it('refuses a template whose content is over the size limit (its text is not the element\'s), nested ones too, before serialising it', async () => {
    const big = `<p>${'We keep your data for a year. '.repeat(700)}</p>`;
    const { document } = loadHtml(
      `<title>t</title><main><h1>Privacy</h1>${'<p>Short.</p>'.repeat(10)}<template id="flat">${big}</template><div id="holder"><template id="outer"><div><template id="inner">${big}</template></div></template></div></main>`,
      'https://x.example/',
    );
    const flat = document.getElementById('flat')!;
    const outer = document.getElementById('outer')!;
    const serialised = watchOuterHTML([document.documentElement, flat, document.getElementById('holder')!, outer]);
    const options = { clock: tickingClock(0), pause: noPause, maxChars: 5000 };
    expect(await serializeInSlices(document.documentElement, options)).toMatchObject({ ok: false, reason: 'page too large to copy (more than 5000 characters)' });
    expect(await serializeInSlices(document.documentElement, { ...options, wholeBelow: 5 })).toMatchObject({ ok: false, reason: 'page too large to copy (more than 5000 characters)' });
    // Without the flat one, the nested one is still seen, inside the <div> that holds it and on its own.
    flat.remove();
    expect(await serializeInSlices(document.documentElement, options)).toMatchObject({ ok: false, reason: 'page too large to copy (more than 5000 characters)' });
    expect(await serializeInSlices(document.documentElement, { ...options, wholeBelow: 5 })).toMatchObject({ ok: false, reason: 'page too large to copy (more than 5000 characters)' });
    expect(await serializeInSlices(outer, options)).toMatchObject({ ok: false, reason: 'page too large to copy (more than 5000 characters)' });
    expect(serialised).toEqual([]);
    // And the page copies whole, templates included, when the limit allows.
    const fits = await serializeInSlices(document.documentElement, { clock: tickingClock(0), pause: noPause, wholeBelow: 5 });
    expect(fits.ok && fits.html).toBe(document.documentElement.outerHTML);
  });

  it('refuses an element whose comment is over the size limit (a comment is not text) before serialising it', async () => {
    const { document } = loadHtml(`<title>t</title><main><h1>Privacy</h1><div id="notes"><p>a</p><!--${'build log '.repeat(2_000)}--></div></main>`, 'https://x.example/');
    const serialised = watchOuterHTML([document.documentElement, document.getElementById('notes')!]);
    const options = { clock: tickingClock(0), pause: noPause, maxChars: 5000 };
    expect(await serializeInSlices(document.documentElement, options)).toMatchObject({ ok: false, reason: 'page too large to copy (more than 5000 characters)' });
    expect(await serializeInSlices(document.documentElement, { ...options, wholeBelow: 2 })).toMatchObject({ ok: false, reason: 'page too large to copy (more than 5000 characters)' });
    expect(serialised).toEqual([]);
  });
});

describe('the measure before copying is never more than the copy', () => {
  it('an attribute a script set under a long prefix of its own in the XML namespace: a limit equal to the copy still copies it', async () => {
    const options = { clock: () => 0, pause: noPause, wholeBelow: 5 };
    const { document } = loadHtml(`<html><body>${Array.from({ length: 20 }, (_, i) => `<p>${i}</p>`).join('')}</body></html>`, 'https://x.example/');
    document.body.setAttributeNS('http://www.w3.org/XML/1998/namespace', `${'y'.repeat(5000)}:lang`, 'en');
    const full = await serializeInSlices(document.documentElement, options);
    // Written as browsers write it, "xml:lang" (jsdom's own outerHTML keeps the script's prefix).
    expect(full).toMatchObject({ ok: true });
    expect(full.ok && full.html).toContain('<body xml:lang="en">');
    const length = full.ok ? full.html.length : 0;
    expect(await serializeInSlices(document.documentElement, { ...options, maxChars: length })).toMatchObject({ ok: true });
  });
});
