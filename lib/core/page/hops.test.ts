import { describe, expect, it } from 'vitest';
import { CheckFailure, MAX_DETAIL } from '../check-failure';
import { isLocalHost, isSameSite, judgeHop } from './hops';

const u = (s: string) => new URL(s);

describe('isLocalHost', () => {
  it.each([
    // Loopback, private, link-local and the like, in every spelling the URL parser accepts.
    'http://127.0.0.1/', 'http://127.8.9.10:8080/', 'http://0x7f.1/', 'http://2130706433/', 'http://0.0.0.0/',
    'http://10.1.2.3/', 'http://172.16.0.1/', 'http://172.31.255.255/', 'http://192.168.1.1/', 'http://169.254.169.254/latest',
    'http://100.64.0.1/', 'http://192.0.0.8/', 'http://198.18.0.1/', 'http://224.0.0.1/', 'http://255.255.255.255/',
    'http://[::1]/', 'http://[::]/', 'http://[fe80::1]/', 'http://[fd12:3456::1]/', 'http://[fc00::]/', 'http://[ff02::1]/',
    'http://[::ffff:127.0.0.1]/', 'http://[::ffff:192.168.0.1]/', 'http://[64:ff9b::a00:1]/', 'http://[2002:c0a8:101::1]/',
    // Names that only exist on the local network.
    'http://localhost/', 'http://LOCALHOST:3000/', 'http://localhost./', 'http://app.localhost/', 'http://printer.local/',
    'http://nas.home.arpa/', 'http://router.lan/', 'http://db.internal/', 'http://intranet/', 'http://router/',
  ])('%s is local', (url) => {
    expect(isLocalHost(u(url))).toBe(true);
  });

  it.each([
    'https://example.com/', 'https://www.example.co.uk/privacy', 'http://93.184.216.34/', 'http://8.8.8.8/', 'http://172.32.0.1/',
    'http://100.128.0.1/', 'http://192.0.2.1/', 'http://[2606:4700::1111]/', 'http://[::ffff:8.8.8.8]/', 'https://localhost.example.com/',
    'https://local.example/', 'https://xn--bcher-kva.example/',
  ])('%s is public', (url) => {
    expect(isLocalHost(u(url))).toBe(false);
  });
});

describe('isSameSite', () => {
  it.each([
    ['https://www.example.com/a', 'https://example.com/b', true],
    ['https://www.example.com/a', 'http://help.example.com/b', true],
    ['https://www.example.co.uk/', 'https://other.co.uk/', false],
    ['https://alice.github.io/', 'https://bob.github.io/', false],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:9090/', true],
    ['http://127.0.0.1/', 'http://localhost/', false],
  ])('%s and %s: %s', (a, b, same) => {
    expect(isSameSite(u(a), u(b))).toBe(same);
  });
});

describe('judgeHop', () => {
  it('keeps what a hostile redirect target writes into the reason bounded, so a watch entry stays valid', () => {
    const watched = new URL('https://www.example.com/privacy');
    const longScheme = new URL(`${'a'.repeat(700)}:x`);
    const longHost = new URL(`http://${'b'.repeat(700)}/`);
    for (const to of [longScheme, longHost]) {
      const v = judgeHop(watched, watched, to);
      expect(v.ok).toBe(false);
      if (v.ok) continue;
      expect(v.failure.detail?.length ?? 0).toBeLessThanOrEqual(MAX_DETAIL);
      expect(CheckFailure.safeParse(v.failure).success).toBe(true);
    }
  });

  const watched = u('https://www.example.com/privacy');

  it('lets the watched address itself and redirects within the site through', () => {
    expect(judgeHop(watched, null, watched)).toEqual({ ok: true });
    expect(judgeHop(watched, watched, u('https://www.example.com/legal/privacy'))).toEqual({ ok: true });
    expect(judgeHop(watched, watched, u('https://example.com/privacy/'))).toEqual({ ok: true });
    expect(judgeHop(u('http://example.com/privacy'), u('http://example.com/privacy'), u('https://www.example.com/privacy'))).toEqual({ ok: true });
  });

  it.each<[string, string, string, string]>([
    ['another site', 'https://www.example.com/privacy', 'https://tracker.example.net/privacy', 'other-site'],
    ['a private address', 'https://www.example.com/privacy', 'http://192.168.1.1/admin', 'downgrade'],
    ['a private address over https', 'https://www.example.com/privacy', 'https://192.168.1.1/admin', 'local'],
    ['a local name', 'https://www.example.com/privacy', 'https://localhost:8080/', 'local'],
    ['a non-web scheme', 'https://www.example.com/privacy', 'file:///etc/passwd', 'scheme'],
    ['a data: URL', 'https://www.example.com/privacy', 'data:text/html,hi', 'scheme'],
    ['credentials in the address', 'https://www.example.com/privacy', 'https://user:pw@www.example.com/privacy', 'credentials'],
    ['https down to http on the same site', 'https://www.example.com/privacy', 'http://www.example.com/privacy', 'downgrade'],
  ])('refuses a redirect to %s', (_name, from, to, kind) => {
    const verdict = judgeHop(watched, u(from), u(to));
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.kind).toBe(kind);
  });

  it('says where a redirect to another public site points, and never offers a local address as the new one', () => {
    const moved = judgeHop(watched, watched, u('https://policies.example.net/privacy?ref=1'));
    expect(!moved.ok && moved.reason).toBe('now points to https://policies.example.net/privacy, another site');
    const planted = judgeHop(u('http://example.com/privacy'), u('http://example.com/privacy'), u('http://localhost:8080/'));
    expect(planted).toMatchObject({ ok: false, kind: 'local' });
    expect(!planted.ok && planted.reason).toMatch(/your own network \(localhost\)/);
    expect(judgeHop(watched, null, u('http://10.0.0.1/privacy'))).toMatchObject({ ok: false, kind: 'local' });
  });

  it('lets a policy watched on a local address be fetched there, and nowhere else local', () => {
    const local = u('http://127.0.0.1:4321/legal/privacy');
    expect(judgeHop(local, null, local)).toEqual({ ok: true });
    expect(judgeHop(local, local, u('http://127.0.0.1:4321/privacy-2'))).toEqual({ ok: true });
    expect(judgeHop(local, local, u('http://localhost:4321/privacy'))).toMatchObject({ ok: false, kind: 'other-site' });
    expect(judgeHop(local, local, u('http://10.0.0.1/'))).toMatchObject({ ok: false, kind: 'other-site' });
  });
});
