import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../scripts/lib/dom';
import { explainer } from '../explain';
import { extractPolicy } from '../page/extract/extract';
import { documentFromMarkdown } from '../page/markdown';
import { digestOf, type PolicyDocument } from '../schema';
import { analyzeChange, describePolicy } from './index';
import { tableReadings } from './tables';

const words = explainer('en');
const table = (texts: string[]) => tableReadings(texts, (i) => texts[i]?.includes(' | ') ?? false);
const rows = (...texts: string[]) => table(texts);

describe('tableReadings', () => {
  it('reads a yes mark as its column header and leaves a no mark out', () => {
    const r = rows('Category | Collected | Sold', 'Contact details | ✔ | ✘', 'Location | Yes | Yes');
    expect(r[0]).toEqual({ read: 'Category | Collected | Sold', header: true });
    expect(r[1]).toEqual({ read: 'Contact details | Collected' });
    expect(r[2]).toEqual({ read: 'Location | Collected | Sold' });
  });

  it('marks a row whose every mark says no, and keeps what a "yes" cell adds', () => {
    const r = rows('Kind | Sold?', 'Health data | No', 'Identifiers | Yes, to show you ads', 'Photos | **✘**');
    expect(r[1]).toEqual({ read: 'Health data', allNo: true });
    expect(r[2]).toEqual({ read: 'Identifiers | Sold?: to show you ads' });
    expect(r[3]).toEqual({ read: 'Photos', allNo: true });
  });

  it('starts a new table at a row of labels written just after another table', () => {
    const r = rows('Category | Disclosed', 'Identifiers | ✔', 'Category | Sold', 'Identifiers | ✔');
    expect(r[1]?.read).toBe('Identifiers | Disclosed');
    expect(r[2]?.header).toBe(true);
    expect(r[3]?.read).toBe('Identifiers | Sold');
  });

  it('leaves tables without marks, rows of another width and text between tables as they are', () => {
    expect(rows('Purpose | Legal basis', 'To send your orders | Contract').every((x) => x === undefined)).toBe(true);
    const r = rows('Category | Sold', 'Identifiers | ✔ | extra', 'Location | ✔');
    expect(r[1]).toBeUndefined();
    // A paragraph ends the table: marks after it have no header.
    const t = ['Category | Sold', 'Identifiers | ✔', 'Some words in between.', 'Location | ✔'];
    const s = tableReadings(t, (i) => i !== 2);
    expect(s[1]?.read).toBe('Identifiers | Sold');
    expect(s[3]).toBeUndefined();
  });

  it('reads a table of 200,000 rows and a row of 100,000 cells in one pass', () => {
    const many = ['Category | Sold', ...Array.from({ length: 200_000 }, (_, i) => `Kind ${i} | ${i % 2 ? '✔' : '✘'}`)];
    const r = table(many);
    expect(r.filter((x) => x?.allNo).length).toBe(100_000);
    const wide = Array.from({ length: 100_000 }, (_, i) => (i ? 'yes' : 'Kind')).join(' | ');
    const header = Array.from({ length: 100_000 }, (_, i) => `Column ${i}`).join(' | ');
    expect(rows(header, wide)[1]?.read).toBe(header.replace('Column 0', 'Kind'));
  });

  it('takes no sentence for a header', () => {
    const long = 'This column says whether we have handed this kind of information to any other company in the last twelve months';
    expect(rows(`Category | ${long}`, 'Identifiers | ✔')[1]).toBeUndefined();
  });
});

const policy = (marks: { bio: string; geo: string }, lead = 'The categories of personal information we sold or shared with third parties in the last 12 months:') => `# Privacy Policy

Last updated: March 1, 2026

## Information we collect

We collect your name, your email address and the pages you read.

## Californian residents

${lead}

| Category | Sold or shared |
| --- | --- |
| Identifiers | ✔ |
| Biometric information | ${marks.bio} |
| Geolocation data | ${marks.geo} |
`;
const md = (text: string) => documentFromMarkdown(text, { url: 'https://www.acme.example/privacy', language: 'en' });

describe('a table of marks in a change', () => {
  it('tells a user that a category is now sold when its mark turns to yes, quoting the row with its header', () => {
    const a = analyzeChange(md(policy({ bio: '✘', geo: '✘' })), md(policy({ bio: '✔', geo: '✘' })));
    const sharing = a.findings.filter((f) => f.category === 'third-party-sharing');
    expect(sharing.map((f) => f.severity)).toEqual(['major']);
    expect(sharing[0]?.evidence[0]?.sentence).toBe('Biometric information | Sold or shared');
    expect(sharing[0]?.signals).toContain('sale');
    // The text comparison shows the cell as the page wrote it.
    expect(a.changes).toEqual([expect.objectContaining({ type: 'modified', before: 'Biometric information | ✘', after: 'Biometric information | ✔' })]);
    expect(words.summary(digestOf(a))).toBe('2 major changes: wider sale of data; new sensitive data.');
  });

  it('raises no alarm when a mark turns to no, or when nothing but the marks\' glyphs change', () => {
    const fewer = analyzeChange(md(policy({ bio: '✔', geo: '✔' })), md(policy({ bio: '✘', geo: '✔' })));
    expect(fewer.findings.filter((f) => f.severity === 'major')).toEqual([]);
    const glyphs = analyzeChange(md(policy({ bio: '✔', geo: '✘' })), md(policy({ bio: '✓', geo: '✗' })));
    expect(glyphs.findings).toEqual([]);
  });

  it('does not read a header over rows that all say no as a statement of the practice', () => {
    const said = describePolicy(md(policy({ bio: 'No', geo: 'No' }, 'The categories of personal information are these:').replace('| Identifiers | ✔ |', '| Identifiers | No |')));
    expect(said.filter((s) => s.category === 'third-party-sharing' && s.polarity === 'states')).toEqual([]);
    const some = describePolicy(md(policy({ bio: 'No', geo: 'Yes' })));
    expect(some.filter((s) => s.category === 'third-party-sharing' && s.polarity === 'states' && s.sentence.includes(' | ')).map((s) => s.sentence)).toEqual(['Identifiers | Sold or shared', 'Geolocation data | Sold or shared']);
  });

  it('reads the same table the same way from a web page, whose header cells are <th>', () => {
    const html = (bio: string) => `<!doctype html><html lang="en"><head><title>Privacy Policy</title></head><body><main><h1>Privacy Policy</h1>
      <p>We collect your name, your email address and the pages you read, and we explain here what we do with them.</p>
      <h2>Californian residents</h2><p>The categories of personal information we sold or shared with third parties in the last 12 months:</p>
      <table><thead><tr><th>Category</th><th>Sold or shared</th></tr></thead><tbody>
      <tr><td>Identifiers</td><td>✔</td></tr><tr><td>Biometric information</td><td>${bio}</td></tr></tbody></table>
      <p>You can ask us to stop at any time by writing to our privacy team, who will answer within thirty days.</p></main></body></html>`;
    const extract = (bio: string): PolicyDocument => {
      const { document, url } = loadHtml(html(bio), 'https://www.acme.example/privacy');
      const r = extractPolicy(document, url);
      if (!r.ok) throw new Error(r.reason);
      return r.document;
    };
    const a = analyzeChange(extract('✘'), extract('✔'));
    expect(a.findings.filter((f) => f.category === 'third-party-sharing').map((f) => [f.severity, f.evidence[0]?.sentence])).toEqual([['major', 'Biometric information | Sold or shared']]);
  });
});
