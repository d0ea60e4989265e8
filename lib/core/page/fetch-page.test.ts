import { describe, expect, it } from 'vitest';
import { fetchGuarded, type FetchLike, type ResponseLike } from './fetch-page';

const PAGE = '<!doctype html><title>Privacy Policy</title><h1>Privacy Policy</h1><p>We collect your email address.</p>';

type Route = { status?: number; headers?: Record<string, string>; body?: string | ReadableStream<Uint8Array> };

/** A fake network: routes by URL, and a log of every request made, with the mode it was made in. */
function network(routes: Record<string, Route>, options: { opaqueRedirects?: boolean } = {}) {
  const requests: Array<{ url: string; redirect: RequestRedirect | undefined }> = [];
  const respond = (url: string): ResponseLike & { location?: string } => {
    const route = routes[url];
    if (!route) throw new TypeError(`fetch failed: nothing at ${url}`);
    const body = typeof route.body === 'string' ? new Response(route.body).body : (route.body ?? null);
    return { type: 'basic', status: route.status ?? 200, url, headers: new Headers(route.headers ?? { 'content-type': 'text/html' }), body };
  };
  const fetch: FetchLike = async (url, init) => {
    requests.push({ url, redirect: init.redirect });
    let response = respond(url);
    const location = response.headers.get('location');
    if (location && init.redirect === 'manual' && options.opaqueRedirects) {
      // What Chrome and Firefox give an extension: the redirect, but not where it goes.
      return { type: 'opaqueredirect', status: 0, url, headers: new Headers(), body: null };
    }
    if (init.redirect === 'follow') {
      for (let i = 0; i < 10 && response.headers.get('location'); i++) {
        const next = new URL(response.headers.get('location')!, response.url).href;
        requests.push({ url: next, redirect: 'follow' });
        response = respond(next);
      }
    }
    return response;
  };
  return { fetch, requests, urls: () => requests.map((r) => r.url) };
}

const redirect = (to: string, status = 302): Route => ({ status, headers: { location: to }, body: '' });

/** An endless body in 64 KB chunks that counts how many chunks were pulled. */
function endless(chunk = 65_536) {
  const counter = { pulls: 0, cancelled: false };
  const bytes = new Uint8Array(chunk).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulls++;
      controller.enqueue(bytes);
    },
    cancel() {
      counter.cancelled = true;
    },
  });
  return { stream, counter };
}

const MB = 1_000_000;

describe('fetchGuarded', () => {
  it('reads an ordinary page', async () => {
    const net = network({ 'https://www.example.com/privacy': { body: PAGE, headers: { 'content-type': 'text/html; charset=utf-8' } } });
    const got = await fetchGuarded('https://www.example.com/privacy', { fetch: net.fetch, maxBytes: MB, hidden: 'fail' });
    expect(got).toMatchObject({ ok: true, finalUrl: 'https://www.example.com/privacy', status: 200, contentType: 'text/html; charset=utf-8', body: PAGE, redirects: 0 });
    expect(net.requests).toEqual([{ url: 'https://www.example.com/privacy', redirect: 'manual' }]);
  });

  it('follows redirects within the site by hand, one checked hop at a time', async () => {
    const net = network({
      'http://example.com/privacy': redirect('https://example.com/privacy', 301),
      'https://example.com/privacy': redirect('/legal/privacy'),
      'https://example.com/legal/privacy': redirect('https://www.example.com/legal/privacy/', 308),
      'https://www.example.com/legal/privacy/': { body: PAGE },
    });
    const got = await fetchGuarded('http://example.com/privacy', { fetch: net.fetch, maxBytes: MB, hidden: 'fail' });
    expect(got).toMatchObject({ ok: true, finalUrl: 'https://www.example.com/legal/privacy/', redirects: 3, body: PAGE });
    expect(net.requests.every((r) => r.redirect === 'manual')).toBe(true);
  });

  it('does not request a redirect target on another site, and says where the address now points', async () => {
    const net = network({ 'https://www.example.com/privacy': redirect('https://policies.example.net/privacy'), 'https://policies.example.net/privacy': { body: PAGE } });
    const got = await fetchGuarded('https://www.example.com/privacy', { fetch: net.fetch, maxBytes: MB, hidden: 'fail' });
    expect(got).toEqual({ ok: false, kind: 'moved', reason: 'now points to https://policies.example.net/privacy, another site', failure: { code: 'other-site', detail: 'https://policies.example.net/privacy' }, movedTo: 'https://policies.example.net/privacy' });
    expect(net.urls()).toEqual(['https://www.example.com/privacy']);
  });

  it.each([
    ['a private address', 'http://192.168.1.1/admin'],
    ['the loopback address', 'http://127.0.0.1:631/'],
    ['localhost', 'https://localhost/'],
    ['a single-label name', 'http://router/'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['an IPv6 loopback', 'http://[::1]/'],
    ['a non-web scheme', 'ftp://example.com/privacy'],
  ])('never requests %s a redirect points to, and offers nothing to watch instead', async (_name, target) => {
    const net = network({ 'http://example.com/privacy': redirect(target), [target]: { body: PAGE } });
    const got = await fetchGuarded('http://example.com/privacy', { fetch: net.fetch, maxBytes: MB, hidden: 'fail' });
    expect(got).toMatchObject({ ok: false, kind: 'refused', movedTo: null });
    expect(net.urls()).toEqual(['http://example.com/privacy']);
  });

  it('never follows https down to http, even on the same site', async () => {
    const net = network({ 'https://www.example.com/privacy': redirect('http://www.example.com/privacy'), 'http://www.example.com/privacy': { body: PAGE } });
    const got = await fetchGuarded('https://www.example.com/privacy', { fetch: net.fetch, maxBytes: MB, hidden: 'fail' });
    expect(got).toMatchObject({ ok: false, kind: 'refused', reason: expect.stringMatching(/secure \(https\) address to an insecure one/) });
    expect(net.urls()).toHaveLength(1);
  });

  it('lets a policy watched on a local address be fetched there, but nowhere else local', async () => {
    const net = network({
      'http://127.0.0.1:8080/privacy': redirect('/legal/privacy'),
      'http://127.0.0.1:8080/legal/privacy': { body: PAGE },
      'http://127.0.0.1:8080/moved': redirect('http://localhost:8080/privacy'),
    });
    expect(await fetchGuarded('http://127.0.0.1:8080/privacy', { fetch: net.fetch, maxBytes: MB, hidden: 'fail' })).toMatchObject({ ok: true, finalUrl: 'http://127.0.0.1:8080/legal/privacy' });
    expect(await fetchGuarded('http://127.0.0.1:8080/moved', { fetch: net.fetch, maxBytes: MB, hidden: 'fail' })).toMatchObject({
      ok: false,
      kind: 'moved',
      movedTo: 'http://localhost:8080/privacy',
    });
    expect(net.urls()).not.toContain('http://localhost:8080/privacy');
  });

  it('gives up after a few hops', async () => {
    const routes: Record<string, Route> = {};
    for (let i = 0; i < 10; i++) routes[`https://example.com/${i}`] = redirect(`/${i + 1}`);
    const net = network(routes);
    const got = await fetchGuarded('https://example.com/0', { fetch: net.fetch, maxBytes: MB, hidden: 'fail', maxRedirects: 3 });
    expect(got).toMatchObject({ ok: false, kind: 'too-many-redirects' });
    expect(net.requests).toHaveLength(4);
  });

  describe('when the browser hides where a redirect goes (opaqueredirect)', () => {
    const routes = {
      'https://www.example.com/privacy': redirect('https://10.0.0.1/reboot'),
      'https://10.0.0.1/reboot': { body: 'rebooted' },
      'https://www.example.com/old': redirect('/legal/privacy'),
      'https://www.example.com/legal/privacy': { body: PAGE },
    };

    it('a background check does not follow it, and requests nothing beyond the watched address', async () => {
      const net = network(routes, { opaqueRedirects: true });
      const got = await fetchGuarded('https://www.example.com/privacy', { fetch: net.fetch, maxBytes: MB, hidden: 'fail' });
      expect(got).toMatchObject({ ok: false, kind: 'hidden-redirect', movedTo: null, reason: expect.stringMatching(/Check now/) });
      expect(net.requests).toEqual([{ url: 'https://www.example.com/privacy', redirect: 'manual' }]);
    });

    it('a check the user asked for lets the browser follow it to say where it leads, and never returns that page', async () => {
      const net = network(routes, { opaqueRedirects: true });
      const same = await fetchGuarded('https://www.example.com/old', { fetch: net.fetch, maxBytes: MB, hidden: 'locate' });
      expect(same).toMatchObject({ ok: false, kind: 'moved', movedTo: 'https://www.example.com/legal/privacy', reason: expect.stringMatching(/^now leads to https:\/\/www\.example\.com\/legal\/privacy on the same site/) });
      const local = await fetchGuarded('https://www.example.com/privacy', { fetch: net.fetch, maxBytes: MB, hidden: 'locate' });
      expect(local).toMatchObject({ ok: false, kind: 'refused', movedTo: null, reason: expect.stringMatching(/your own network/) });
    });

    it('a check the user asked for never offers a login or consent page as the address to watch instead', async () => {
      const walls = {
        'https://www.example.com/privacy': redirect('/account/login?next=%2Fprivacy'),
        'https://www.example.com/account/login?next=%2Fprivacy': { body: '<form><input type="password"></form>' },
        'https://www.example.com/terms': redirect('https://consent.example.net/?continue=x'),
        'https://consent.example.net/?continue=x': { body: 'Accept all' },
      };
      const net = network(walls, { opaqueRedirects: true });
      const login = await fetchGuarded('https://www.example.com/privacy', { fetch: net.fetch, maxBytes: MB, hidden: 'locate' });
      expect(login).toMatchObject({ ok: false, kind: 'refused', movedTo: null, failure: { code: 'login-redirect' } });
      const consent = await fetchGuarded('https://www.example.com/terms', { fetch: net.fetch, maxBytes: MB, hidden: 'locate' });
      expect(consent).toMatchObject({ ok: false, kind: 'refused', movedTo: null, failure: { code: 'consent-redirect' } });
    });

    it('adding a site reads the page the browser lands on when that is on the same site', async () => {
      const net = network(routes, { opaqueRedirects: true });
      const got = await fetchGuarded('https://www.example.com/old', { fetch: net.fetch, maxBytes: MB, hidden: 'follow' });
      expect(got).toMatchObject({ ok: true, finalUrl: 'https://www.example.com/legal/privacy', body: PAGE });
    });
  });

  describe('the body limit', () => {
    it('abandons an endless body shortly after the limit, whatever Content-Length says', async () => {
      const { stream, counter } = endless();
      const net = network({ 'https://www.example.com/privacy': { headers: { 'content-type': 'text/html', 'content-length': '120' }, body: stream } });
      const got = await fetchGuarded('https://www.example.com/privacy', { fetch: net.fetch, maxBytes: 2 * MB, hidden: 'fail' });
      expect(got).toMatchObject({ ok: false, kind: 'too-large', reason: expect.stringMatching(/larger than 2 MB/) });
      // 2 MB is 31 chunks of 64 KB: the reader stops at the first chunk past the limit (plus what the
      // stream queued ahead), never reading on to the end.
      expect(counter.pulls).toBeLessThanOrEqual(35);
      expect(counter.cancelled).toBe(true);
    });

    it('refuses a declared length over the limit without reading', async () => {
      const { stream, counter } = endless();
      const net = network({ 'https://www.example.com/privacy': { headers: { 'content-type': 'text/html', 'content-length': String(300 * MB) }, body: stream } });
      const got = await fetchGuarded('https://www.example.com/privacy', { fetch: net.fetch, maxBytes: 2 * MB, hidden: 'fail' });
      expect(got).toMatchObject({ ok: false, kind: 'too-large' });
      expect(counter.pulls).toBeLessThanOrEqual(1);
    });

    it('reads a body just under the limit whole, decoding characters split across chunks', async () => {
      const text = `${PAGE}${'é'.repeat(400_000)}`;
      const bytes = new TextEncoder().encode(text);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 65_537) controller.enqueue(bytes.subarray(i, i + 65_537));
          controller.close();
        },
      });
      const net = network({ 'https://www.example.com/privacy': { body: stream } });
      const got = await fetchGuarded('https://www.example.com/privacy', { fetch: net.fetch, maxBytes: bytes.length, hidden: 'fail' });
      expect(got.ok && got.body === text).toBe(true);
    });
  });

  it('reports a network failure and a timeout with a reason', async () => {
    const net = network({});
    expect(await fetchGuarded('https://www.example.com/privacy', { fetch: net.fetch, maxBytes: MB, hidden: 'fail' })).toMatchObject({ ok: false, kind: 'network' });
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)));
    const got = await fetchGuarded('https://www.example.com/privacy', { fetch: hang, maxBytes: MB, hidden: 'fail', signal: AbortSignal.timeout(20) });
    expect(got).toMatchObject({ ok: false, kind: 'timeout', reason: 'the site did not answer in time' });
  });
});
