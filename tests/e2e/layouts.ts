/**
 * One privacy policy (the demo's Inkwell Notes policy, lengthened with plain sections about using the
 * app) laid out the ways real sites lay policies out: an h1 with h2/h3 sections, h3/h4 headings only,
 * bold paragraphs for headings, or a table. Version 2 adds the demo's two major changes (AI training on
 * notes, sharing with advertising partners). Static pages, no script: everything is there on load.
 * Written for these tests and the latency bench (`npm run bench -- latency`); no corpus text.
 */
import type { Route } from './harness';

export type Layout = 'h1-h2' | 'h3-h4' | 'bold' | 'table';
export const LAYOUTS: Layout[] = ['h1-h2', 'h3-h4', 'bold', 'table'];

interface Section {
  heading: string;
  /** Paragraph texts, or a list (an array of items). */
  blocks: Array<string | string[]>;
  subsections?: Section[];
}

function demoSections(version: 1 | 2): Section[] {
  const uses = ['To provide, maintain and sync the service.', 'To answer your support requests.', 'To send you important notices about your account and security.'];
  if (version === 2) uses.splice(1, 0, 'To train and improve our artificial intelligence models, including generative AI features, using the content of your notes.');
  const sharing = [
    'We do not sell your personal information.',
    'We share personal information with service providers who host our servers and send our emails, only to provide the service and under contracts that forbid any other use.',
    'We may disclose information when the law requires it, for example in response to a valid court order.',
  ];
  if (version === 2) sharing.splice(2, 0, 'We may share information about your use of the service, including device identifiers and inferred interests, with advertising partners and their affiliates so that they can show you personalised ads.');
  return [
    {
      heading: '1. Information we collect',
      blocks: [
        'We collect the information you give us when you create an account, such as your name, email address and password.',
        'We store the notes, notebooks and attachments you create so that we can sync them across your devices.',
        'We collect basic usage information, such as the type of device you use, your app version and crash reports, to keep the service working.',
      ],
    },
    { heading: '2. How we use your information', blocks: [uses, 'We do not read your notes, except when you ask us to help with a support request.'] },
    { heading: '3. Sharing your information', blocks: sharing },
    { heading: '4. Cookies', blocks: ['Our website uses only the cookies needed to keep you signed in. We do not use advertising cookies.'] },
    { heading: '5. How long we keep your information', blocks: ['We keep your notes for as long as your account is open. When you delete your account, we delete your notes within 30 days.'] },
    { heading: '6. Your rights', blocks: ['You can access, export, correct or delete your personal information at any time from your account settings, or by writing to privacy@inkwell.example.'] },
  ];
}

const TOPICS = ['notebook', 'tag', 'reminder', 'template', 'attachment', 'shortcut', 'workspace', 'checklist', 'sketch', 'calendar view', 'theme', 'widget', 'folder', 'bookmark', 'timer', 'label'];
const SENTENCES: Array<(t: string, n: number) => string> = [
  (t, n) => `The ${t} settings page lets you choose how each ${t} is sorted, named and displayed on every one of your ${n + 2} most recent devices.`,
  (t) => `If a ${t} fails to sync, the app keeps the local copy and tries again the next time your device is online, without asking you to do anything.`,
  (t) => `You can rename, archive or restore a ${t} at any time, and an archived ${t} stays searchable until you remove it for good.`,
  (t, n) => `Keyboard users can reach every ${t} action with the shortcuts listed in the help centre, section ${n + 1}, which we keep up to date with each release.`,
  (t) => `A ${t} that you move to the bin is kept there for a while so that you can change your mind, and the bin shows how many days are left.`,
  (t) => `Large ${t} collections load in pages, so the app stays quick on older phones and on slow connections.`,
  (t, n) => `Release notes for version ${n + 3} of the app describe the changes to how a ${t} behaves, and older notes stay available in the archive.`,
  (t) => `Accessibility settings, such as larger text and higher contrast, apply to every ${t} as well as to the rest of the app.`,
];

const wordCount = (s: string) => s.split(' ').length;

/** Plain sections about using the app (nothing about data practices), about 100 words a subsection. */
function usageSections(words: number): Section[] {
  const out: Section[] = [];
  let count = 0;
  for (let s = 0; count < words; s++) {
    const topic = TOPICS[s % TOPICS.length]!;
    const round = Math.floor(s / TOPICS.length);
    const subsections: Section[] = [];
    for (let k = 0; k < 3 && count < words; k++) {
      const paragraph = [0, 1, 2, 3].map((j) => SENTENCES[(s + k + j * 2) % SENTENCES.length]!(topic, s * 3 + k + round)).join(' ');
      const heading = `${7 + s}.${k + 1} ${['Creating', 'Finding', 'Removing'][k]} ${topic}s${round ? ` (part ${round + 1})` : ''}`;
      count += wordCount(paragraph) + wordCount(heading);
      subsections.push({ heading, blocks: [paragraph] });
    }
    const heading = `${7 + s}. Using ${topic}s${round ? ` (part ${round + 1})` : ''}`;
    count += wordCount(heading);
    out.push({ heading, blocks: [], subsections });
  }
  return out;
}

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

function blockHtml(b: string | string[]): string {
  return typeof b === 'string' ? `<p>${esc(b)}</p>` : `<ul>${b.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
}

/** How each layout writes the page title and the two heading levels. */
const HEADINGS: Record<Exclude<Layout, 'table'>, { title: (s: string) => string; h: (s: string) => string; sub: (s: string) => string }> = {
  'h1-h2': { title: (s) => `<h1>${s}</h1>`, h: (s) => `<h2>${s}</h2>`, sub: (s) => `<h3>${s}</h3>` },
  'h3-h4': { title: (s) => `<div class="page-title">${s}</div>`, h: (s) => `<h3>${s}</h3>`, sub: (s) => `<h4>${s}</h4>` },
  bold: { title: (s) => `<p class="page-title"><b>${s}</b></p>`, h: (s) => `<p><strong>${s}</strong></p>`, sub: (s) => `<p><b>${s}</b></p>` },
};

function sectionsHtml(layout: Layout, sections: Section[], level = 0): string {
  if (layout === 'table') {
    return sections
      .map((s) => `<tr><td class="${level ? 'sub' : 'section'}"><font size="${level ? 2 : 3}"><b>${esc(s.heading)}</b></font></td></tr>${s.blocks.map((b) => `<tr><td>${blockHtml(b)}</td></tr>`).join('')}${sectionsHtml(layout, s.subsections ?? [], level + 1)}`)
      .join('\n');
  }
  const h = HEADINGS[layout];
  return sections
    .map((s) => `${(level ? h.sub : h.h)(esc(s.heading))}\n${s.blocks.map(blockHtml).join('\n')}\n${sectionsHtml(layout, s.subsections ?? [], level + 1)}`)
    .join('\n');
}

/** Words in the demo part (title, date line, introduction, sections 1-6), so `words` sets the total. */
const DEMO_WORDS = 330;

/**
 * The policy's page: `version` 1 or 2, in `layout`, about `words` words in all (at least the demo part's
 * 330). Navigation, a banner and a site footer around it, as on a real site.
 */
export function policyPage(layout: Layout, version: 1 | 2, words = 1_000): string {
  const sections = [...demoSections(version), ...usageSections(Math.max(0, words - DEMO_WORDS))];
  const intro = [
    'Last updated: March 3, 2025',
    'This Privacy Policy explains how Inkwell Labs ("Inkwell", "we", "us") collects, uses and protects personal information when you use Inkwell Notes, our websites and our apps.',
  ];
  const title = 'Privacy Policy';
  const body =
    layout === 'table'
      ? `<table class="policy"><tr><td><font size="4"><b>${title}</b></font></td></tr>${intro.map((p) => `<tr><td>${blockHtml(p)}</td></tr>`).join('')}\n${sectionsHtml(layout, sections)}</table>`
      : `${HEADINGS[layout].title(title)}\n${intro.map(blockHtml).join('\n')}\n${sectionsHtml(layout, sections)}`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Privacy Policy | Inkwell Notes</title></head>
<body>
<header><nav><a href="/">Inkwell Notes</a> · <a href="/pricing">Pricing</a> · <a href="/blog">Blog</a></nav></header>
<main><div class="content">
${body}
</div></main>
<footer><a href="/legal/privacy">Privacy policy</a> · <a href="/legal/terms">Terms of service</a> · © 2026 Inkwell Labs</footer>
</body>
</html>`;
}

export function policyRoute(layout: Layout, version: 1 | 2, words?: number): Route {
  return { body: policyPage(layout, version, words) };
}
