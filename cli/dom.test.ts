import { describe, expect, it } from 'vitest';
import { loadHtml } from './dom';

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
