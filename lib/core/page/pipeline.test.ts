import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../scripts/lib/dom';
import { JSDOM, VirtualConsole } from 'jsdom';
import { processPage } from './pipeline';
import * as P from './detect/testpages';

function runOn(doc: Document, url: string, skipGate = false) {
  const before = doc.documentElement?.outerHTML ?? '';
  const outcome = processPage(doc, url, { skipGate });
  expect(doc.documentElement?.outerHTML ?? '').toBe(before);
  return outcome;
}

function fromHtml(html: string, url: string, skipGate = false) {
  const { document, url: href } = loadHtml(html, url);
  return runOn(document, href, skipGate);
}

describe('processPage', () => {
  it('extracts a policy end to end', () => {
    const o = fromHtml(P.DE_POLICY, 'https://beispiel.example/datenschutz');
    expect(o.stage).toBe('extract');
    if (o.stage !== 'extract') return;
    expect(o.detection.kind).toBe('privacy-policy');
    expect(o.result.ok && o.result.document.language).toBe('de');
  });

  it('stops at the gate on an ordinary page', () => {
    const o = fromHtml(P.ORDINARY_WITH_FOOTER, 'https://blog.example/alps');
    expect(o).toMatchObject({ stage: 'gate', pass: false });
  });

  it('stops at detection on terms of service', () => {
    const o = fromHtml(P.EN_TERMS, 'https://acme.example/terms');
    expect(o.stage).toBe('detect');
    if (o.stage === 'detect') expect(o.detection.kind).toBe('other');
  });

  it('extracts a cookie policy as privacy-adjacent', () => {
    const o = fromHtml(P.COOKIE_POLICY, 'https://acme.example/cookies');
    expect(o.stage).toBe('extract');
    if (o.stage === 'extract') expect(o.detection.kind).toBe('privacy-adjacent');
  });

  describe('bad input never throws and records a reason', () => {
    it('empty document', () => {
      const o = fromHtml('', 'https://x.example/privacy', true);
      expect(o.stage).toBe('detect');
    });

    it('5 MB page', () => {
      const para = '<p>' + 'We collect personal data and share it with third parties. '.repeat(20) + '</p>';
      const html = P.page({ lang: 'en', title: 'Privacy Policy', h1: 'Privacy Policy', body: para.repeat(Math.ceil(5_000_000 / para.length)) });
      expect(html.length).toBeGreaterThan(5_000_000);
      const o = fromHtml(html, 'https://big.example/privacy');
      expect(o.stage).toBe('extract');
      if (o.stage === 'extract') expect(o.result.ok).toBe(true);
    }, 120_000);

    it('50,000-element page', () => {
      const cells = '<div><span>x</span></div>'.repeat(25_000);
      const o = fromHtml(`<html><head><title>Privacy</title></head><body>${cells}</body></html>`, 'https://many.example/privacy');
      expect(['detect', 'extract']).toContain(o.stage);
    }, 120_000);

    it('a frame document', () => {
      const { document } = loadHtml(`<title>Host</title><iframe srcdoc="<title>Privacy Policy</title><p>hi</p>"></iframe>`, 'https://x.example/');
      const frame = document.querySelector('iframe');
      const inner = frame?.contentDocument ?? document;
      expect(() => runOn(inner, 'about:srcdoc')).not.toThrow();
    });

    it('an XML document', () => {
      const dom = new JSDOM('<?xml version="1.0"?><policy><title>Privacy Policy</title><p>We collect data.</p></policy>', {
        contentType: 'application/xml',
        url: 'https://x.example/privacy.xml',
        virtualConsole: new VirtualConsole(),
      });
      const o = runOn(dom.window.document, 'https://x.example/privacy.xml', true);
      expect(['gate', 'detect', 'extract']).toContain(o.stage);
      if (o.stage === 'extract') expect(o.result.ok).toBe(false);
    });

    it('a page whose scripts throw (they never run) and whose DOM getters throw', () => {
      const { document } = loadHtml(`${P.EN_POLICY}<script>throw new Error('boom')</script>`, 'https://acme.example/privacy');
      Object.defineProperty(document, 'title', { get: () => { throw new Error('hostile getter'); } });
      const o = runOn(document, 'https://acme.example/privacy');
      expect(o).toBeTruthy();
    });
  });
});
