/**
 * `npm run demo [-- --headless]`: builds the extension, serves the bundled demo site (Inkwell Notes) on
 * 127.0.0.1, and walks Chromium with the extension loaded through version 1 of its privacy policy, then
 * version 2 (new AI training, new sharing with advertising partners, a few cosmetic edits).
 * With a display the browser stays open for you to click the toolbar icon; without one (or with
 * --headless) it saves screenshots to demo-output/ and prints their paths.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { badgeOf, CHROMIUM, launchExtension, openPopup, reportedOutcomes, ROOT, startServer, tabIdOf, waitFor, type Extension } from '../tests/e2e/harness';

const OUT = join(ROOT, 'demo-output');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const site = (name: string) => ({ body: readFileSync(join(ROOT, 'tests/fixtures/demo-site', `${name}.html`), 'utf8') });


/** Headless Chromium has no toolbar to photograph: draw the page's screenshot under a toolbar with our badge. */
async function pageWithBadge(ext: Extension, page: Page, name: string): Promise<string> {
  const tabId = await tabIdOf(ext, page);
  const badge = await badgeOf(ext, tabId);
  const shot = (await page.screenshot()).toString('base64');
  const icon = readFileSync(join(ROOT, 'public/icon/32.png')).toString('base64');
  const [r, g, b] = badge.color;
  const canvas = await ext.context.newPage();
  await canvas.setViewportSize({ width: 1200, height: 860 });
  await canvas.setContent(`<!doctype html><body style="margin:0;font:13px system-ui,sans-serif">
    <div style="height:44px;background:#dee1e6;display:flex;align-items:center;gap:12px;padding:0 12px">
      <div style="flex:1;background:#fff;border-radius:14px;padding:6px 14px;color:#333">${page.url()}</div>
      <div title="${badge.title.replace(/"/g, '&quot;')}" style="position:relative;width:32px;height:32px">
        <img src="data:image/png;base64,${icon}" width="24" height="24" style="margin:4px">
        ${badge.text ? `<span style="position:absolute;right:-6px;bottom:-2px;background:rgb(${r},${g},${b});color:#fff;font-weight:700;font-size:11px;border-radius:8px;padding:1px 5px">${badge.text}</span>` : ''}
      </div>
    </div>
    <div style="background:#fff;padding:4px 12px;color:#555;border-bottom:1px solid #ccc">Toolbar tooltip: ${badge.title.replace(/</g, '&lt;')}</div>
    <img src="data:image/png;base64,${shot}" style="display:block;width:1200px">
  </body>`);
  const path = join(OUT, `${name}.png`);
  await canvas.screenshot({ path });
  await canvas.close();
  return path;
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The demo drives Chromium at ${CHROMIUM}, which is missing. Install it with: sudo apt-get install chromium (or set CHROMIUM_PATH).`);
  }
  console.log('Building the extension...');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const server = await startServer({ '/': site('index'), '/legal/privacy': site('privacy-v1') });
  console.log(`Demo site: ${server.origin}/ (Inkwell Notes)`);
  const ext = await launchExtension({ headless });
  const page = await ext.context.newPage();
  const saved: string[] = [];
  mkdirSync(OUT, { recursive: true });

  console.log('1. Visiting version 1 of the privacy policy: Clausewatch records it.');
  await page.goto(`${server.origin}/legal/privacy`);
  await waitFor(async () => (await reportedOutcomes(ext)).some((o) => o.outcome === 'policy'), 'version 1 to be recorded');
  if (headless) saved.push(await pageWithBadge(ext, page, '1-policy-v1-with-badge'));

  console.log('2. The site quietly publishes version 2 (AI training, advertising partners, cosmetic edits).');
  server.set('/legal/privacy', site('privacy-v2'));
  const before = (await reportedOutcomes(ext)).length;
  await page.reload();
  await waitFor(async () => (await reportedOutcomes(ext)).slice(before).some((o) => o.outcome === 'policy'), 'version 2 to be recorded');
  await page.waitForTimeout(300);

  const tabId = await tabIdOf(ext, page);
  const badge = await badgeOf(ext, tabId);
  console.log(`   Toolbar badge: "${badge.text}" — ${badge.title}`);

  if (headless) {
    saved.push(await pageWithBadge(ext, page, '2-policy-v2-with-badge'));
    await page.goto(`${server.origin}/`);
    // The background sets the badge for the site's other pages once the tab has navigated: wait for it,
    // as the e2e suite does, so the screenshot shows what a user sees a moment later.
    const homeTab = await tabIdOf(ext, page);
    await waitFor(async () => (await badgeOf(ext, homeTab)).text === badge.text, 'the badge on the home page');
    saved.push(await pageWithBadge(ext, page, '3-home-page-same-site-badge'));
    const popup = await openPopup(ext, tabId);
    await popup.waitForLoadState('networkidle');
    await popup.waitForTimeout(500);
    const path = join(OUT, '4-popup.png');
    await popup.screenshot({ path, fullPage: true });
    saved.push(path);
    console.log('\nScreenshots:');
    for (const p of saved) console.log(`  ${p}`);
    await ext.close();
    await server.close();
    return;
  }
  console.log('\nThe browser stays open: click the Clausewatch icon in the toolbar (pin it from the puzzle menu).');
  console.log('Press Ctrl+C here to finish.');
  await new Promise<void>((resolve) => {
    process.on('SIGINT', () => resolve());
    ext.context.on('close', () => resolve());
  });
  await ext.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
