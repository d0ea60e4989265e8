/**
 * Pages for the single-page-site suites (spa.e2e.test.ts in Chromium, spa-firefox.e2e.test.ts in
 * Firefox): app shells whose policy arrives after load, in-app navigations to a policy, a policy widget
 * filled in after load, and a page that listens for, and forges, the events WXT's content-script context
 * uses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from './harness';
import { ROOT } from './harness';

// The demo policy's article, to be inserted by script.
export const ARTICLE = readFileSync(join(ROOT, 'tests/fixtures/demo-site/privacy-v1.html'), 'utf8').match(/<article>[\s\S]*<\/article>/)![0];

export const shell = (script: string, title = 'Inkwell') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>.spinner{width:2em;height:2em;border:3px solid #ccc;border-top-color:#333;border-radius:50%;animation:spin 1s linear infinite}@keyframes spin{to{transform:rotate(360deg)}}</style></head>
<body><div id="app"></div><script>const ARTICLE = ${JSON.stringify(ARTICLE)};\n${script}</script></body></html>`;

// An app shell that renders the policy, and names itself, 1.5 s after load.
export const lateShell = shell(`setTimeout(() => { document.title = 'Privacy Policy | Inkwell'; document.getElementById('app').innerHTML = ARTICLE; }, 1500);`);

/** The routes both browsers are tested on; `extensionId` is the id WXT would put in its event names. */
export function spaRoutes(extensionId: string): Record<string, Route> {
  const wxtEvents = [`${extensionId}:content:wxt:content-script-started`, `${extensionId}:content:wxt:locationchange`];
  return {
    // An app shell that renders the policy a moment after load.
    '/late/privacy': { body: lateShell },
    // The same with a logo-only h1 in the shell, which is no sign that the content has arrived.
    '/late/logo/privacy': { body: lateShell.replace('<div id="app">', '<header><h1><img alt="" src="data:,"></h1></header><div id="app">') },
    // The same, at an address that says nothing: only the rendered title and headings tell.
    '/late/legal-7': { body: lateShell },
    // A home page whose router shows the policy on a client-side navigation.
    '/spa/': {
      body: shell(`document.getElementById('app').innerHTML = '<h1>Welcome to Inkwell</h1><p>Your notes everywhere.</p><a id="go" href="/spa/privacy">Privacy</a>';
document.getElementById('go').addEventListener('click', (e) => {
  e.preventDefault();
  history.pushState({}, '', '/spa/privacy');
  setTimeout(() => { document.title = 'Privacy Policy | Inkwell'; document.getElementById('app').innerHTML = ARTICLE; }, 200);
});`),
    },
    // A home page whose router changes the address and title at once, shows a spinner (CSS only: no DOM
    // change while it turns) and fetches the policy's text, which takes 1.5 s.
    '/nav/': {
      body: shell(`document.getElementById('app').innerHTML = '<h1>Welcome to Inkwell</h1><p>Your notes everywhere.</p><a id="go" href="/nav/privacy">Privacy</a>';
document.getElementById('go').addEventListener('click', (e) => {
  e.preventDefault();
  history.pushState({}, '', '/nav/privacy');
  document.title = 'Privacy Policy | Inkwell';
  document.getElementById('app').innerHTML = '<div class="spinner" aria-busy="true"></div>';
  setTimeout(() => { document.getElementById('app').innerHTML = ARTICLE; }, 1500);
});`),
    },
    // A hash-routed app: the route is in the fragment, and neither the title nor the rendered heading
    // names the page, so only the route and the text itself say it is the privacy policy.
    '/hash/': {
      body: shell(`document.getElementById('app').innerHTML = '<h1>Welcome to Inkwell</h1><p>Your notes everywhere.</p><a id="go" href="#/legal/privacy">Privacy</a>';
window.addEventListener('hashchange', () => {
  if (location.hash === '#/legal/privacy') setTimeout(() => { document.getElementById('app').innerHTML = ARTICLE.replace(/<h1>[^<]*<\\/h1>/, '<h1>Inkwell</h1>'); }, 200);
});`),
    },
    // A server-rendered policy page whose notice is a widget (Termly, iubenda, a CMS embed): an
    // introduction long enough to count as the page's text, and the notice filled in 1.5 s after load.
    '/widget/privacy': {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy Policy | Inkwell</title></head>
<body><main><h1>Privacy Policy</h1><p>${'This page explains how Inkwell Ltd handles personal data on all of its websites and apps. '.repeat(7)}</p><div id="embed"></div></main>
<script>const ARTICLE = ${JSON.stringify(ARTICLE.replace(/<h1>[^<]*<\/h1>/, ''))};
setTimeout(() => { document.getElementById('embed').innerHTML = ARTICLE; }, 1500);</script></body></html>`,
    },
    // An app shell that, from its first script on, listens for the events WXT's content-script context
    // dispatches and keeps forging "a newer copy of the content script started", then renders its policy.
    '/forged/privacy': {
      body: shell(`window.heard = [];
for (const name of ${JSON.stringify(wxtEvents)}) {
  // Its own forgeries aside: anything else on these names came from the extension.
  const mine = (e) => String(e.detail?.messageId ?? '').startsWith('forged');
  document.addEventListener(name, (e) => mine(e) || window.heard.push('document ' + e.type));
  window.addEventListener(name, (e) => mine(e) || window.heard.push('window ' + e.type));
}
window.addEventListener('message', (e) => { if (JSON.stringify(e.data).includes('wxt')) window.heard.push('message'); });
const forge = () => document.dispatchEvent(new CustomEvent(${JSON.stringify(wxtEvents[0])}, { detail: { contentScriptName: 'content', messageId: 'forged' + Math.random() } }));
forge();
const forging = setInterval(forge, 100);
setTimeout(() => { clearInterval(forging); document.title = 'Privacy Policy | Inkwell'; document.getElementById('app').innerHTML = ARTICLE; }, 1500);`),
    },
  };
}
