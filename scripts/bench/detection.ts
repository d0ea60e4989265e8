/**
 * `npm run bench -- detection`: times the lib code inside headless Chromium on corpus pages.
 *
 * - gate (readCheapSignals + gate) on non-policy pages: first call on the page (cold, as the content
 *   script runs it) and the warm per-call average;
 * - detectPolicy + extractPolicy on policy pages, next to `new Readability(document.cloneNode(true)).parse()`
 *   alone on the same pages in the same run;
 * - minified size of the gate-only bundle vs the full bundle (gate + detect + extract + Readability).
 *
 * Pages are served from a 127.0.0.1 server with a CSP that stops their own scripts (our bundle is
 * injected through the DevTools protocol, which CSP does not govern) and with cross-origin isolation
 * headers, which give performance.now() 5 µs resolution instead of 100 µs. Every other request is
 * aborted. Pages are sampled (see --non-policy / --policy) to keep the run within a few minutes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { corpusDir } from '../lib/corpus';

interface Row {
  file: string;
  label: string;
  source_url: string | null;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');


async function bundle(contents: string, minify: boolean): Promise<string> {
  const out = await build({
    stdin: { contents, resolveDir: repoRoot, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify,
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

const GATE_ENTRY = `import { gate, readCheapSignals } from './lib/detect/gate';
(globalThis as any).__cwGate = { gate, readCheapSignals };`;
const FULL_ENTRY = `import { gate, readCheapSignals } from './lib/detect/gate';
import { detectPolicy } from './lib/detect/detect';
import { extractPolicy } from './lib/extract/extract';
import { Readability } from '@mozilla/readability';
(globalThis as any).__cw = { gate, readCheapSignals, detectPolicy, extractPolicy, Readability };`;

function stats(xs: number[]): { median: number; p95: number; n: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? 0;
  return { median: at(0.5), p95: at(0.95), n: s.length };
}

function fmt(x: number): string {
  return x < 1 ? x.toFixed(3) : x.toFixed(1);
}

function sample<T>(xs: T[], n: number): T[] {
  if (xs.length <= n) return xs;
  // Evenly spaced, so every source in the index is represented and runs are repeatable.
  const step = xs.length / n;
  return Array.from({ length: n }, (_, i) => xs[Math.floor(i * step)]!);
}

function argNumber(args: string[], name: string, dflt: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : dflt;
}

export async function run(args: string[]): Promise<number> {
  const dir = corpusDir();
  const indexPath = join(dir, 'detection', 'index.jsonl');
  if (!existsSync(indexPath)) {
    console.log(`Corpus not found at ${indexPath} (set CLAUSEWATCH_CORPUS); skipping the detection bench.`);
    return 0;
  }
  const rows = readFileSync(indexPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
  const nonPolicy = sample(rows.filter((r) => r.label === 'not_privacy_policy'), argNumber(args, '--non-policy', 50));
  const policy = sample(rows.filter((r) => r.label === 'privacy_policy'), argNumber(args, '--policy', 30));

  const gateMin = await bundle(GATE_ENTRY, true);
  const fullMin = await bundle(FULL_ENTRY, true);
  const readabilityOnly = await bundle(`import { Readability } from '@mozilla/readability'; (globalThis as any).__r = Readability;`, true);

  const pages = [...nonPolicy, ...policy];
  const server: Server = createServer((req, res) => {
    const m = /^\/p\/(\d+)/.exec(req.url ?? '');
    const row = m ? pages[Number(m[1])] : undefined;
    if (!row) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "script-src 'none'",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(readFileSync(join(dir, row.file)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const base = `http://127.0.0.1:${port}`;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  const gateCold: number[] = [];
  const gateWarm: number[] = [];
  const gateColdRead: number[] = [];
  const detectOnly: number[] = [];
  const full: number[] = [];
  const readability: number[] = [];
  const ratios: number[] = [];
  const started = performance.now();
  try {
    const context = await browser.newContext({ javaScriptEnabled: true });
    await context.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    const page = await context.newPage();
    for (let i = 0; i < pages.length; i++) {
      const row = pages[i]!;
      const isPolicy = i >= nonPolicy.length;
      try {
        await page.goto(`${base}/p/${i}`, { waitUntil: 'domcontentloaded', timeout: 20_000 });
        await page.evaluate(isPolicy ? fullMin : gateMin);
        const url = row.source_url ?? 'https://page.invalid/';
        if (!isPolicy) {
          const r = await page.evaluate((u: string) => {
            const g = (globalThis as unknown as { __cwGate: { gate: (s: unknown) => unknown; readCheapSignals: (d: Document, u: string) => unknown } }).__cwGate;
            const t0 = performance.now();
            const sig = g.readCheapSignals(document, u);
            const tRead = performance.now();
            g.gate(sig);
            const cold = performance.now() - t0;
            const coldRead = tRead - t0;
            const reps = 50;
            const t1 = performance.now();
            for (let k = 0; k < reps; k++) g.gate(g.readCheapSignals(document, u));
            return { cold, coldRead, warm: (performance.now() - t1) / reps };
          }, url);
          gateCold.push(r.cold);
          gateColdRead.push(r.coldRead);
          gateWarm.push(r.warm);
        } else {
          const r = await page.evaluate((u: string) => {
            const cw = (
              globalThis as unknown as {
                __cw: {
                  detectPolicy: (d: Document, u: string) => unknown;
                  extractPolicy: (d: Document, u: string) => unknown;
                  Readability: new (d: Node) => { parse: () => unknown };
                };
              }
            ).__cw;
            const f: number[] = [];
            const b: number[] = [];
            const dd: number[] = [];
            // Alternate the two so that neither benefits from running second; keep the median of 3.
            for (let k = 0; k < 3; k++) {
              let t = performance.now();
              cw.detectPolicy(document, u);
              dd.push(performance.now() - t);
              cw.extractPolicy(document, u);
              f.push(performance.now() - t);
              t = performance.now();
              new cw.Readability(document.cloneNode(true)).parse();
              b.push(performance.now() - t);
            }
            f.sort((x, y) => x - y);
            b.sort((x, y) => x - y);
            dd.sort((x, y) => x - y);
            return { full: f[1]!, readability: b[1]!, detect: dd[1]! };
          }, url);
          full.push(r.full);
          detectOnly.push(r.detect);
          readability.push(r.readability);
          if (r.readability > 0) ratios.push(r.full / r.readability);
        }
      } catch (e) {
        console.log(`  skipped ${row.file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      }
    }
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }

  const gc = stats(gateCold);
  const gw = stats(gateWarm);
  const fs = stats(full);
  const rs = stats(readability);
  const rr = stats(ratios);
  console.log(`pages: ${gateCold.length} non-policy (sampled from ${rows.filter((r) => r.label === 'not_privacy_policy').length}), ${full.length} policy (sampled from ${rows.filter((r) => r.label === 'privacy_policy').length}); ${((performance.now() - started) / 1000).toFixed(0)} s in Chromium`);
  console.log(`gate on non-policy pages, first call: median ${fmt(gc.median)} ms, p95 ${fmt(gc.p95)} ms; warm average per call: median ${fmt(gw.median)} ms, p95 ${fmt(gw.p95)} ms`);
  const gr = stats(gateColdRead);
  const ds = stats(detectOnly);
  console.log(`  of which readCheapSignals (first call): median ${fmt(gr.median)} ms, p95 ${fmt(gr.p95)} ms`);
  console.log(`detectPolicy alone on policy pages: median ${fmt(ds.median)} ms, p95 ${fmt(ds.p95)} ms`);
  console.log(`detect+extract on policy pages: median ${fmt(fs.median)} ms, p95 ${fmt(fs.p95)} ms`);
  console.log(`Readability.parse alone (incl. cloneNode) on the same pages: median ${fmt(rs.median)} ms, p95 ${fmt(rs.p95)} ms`);
  console.log(`per-page ratio detect+extract / Readability: median ${rr.median.toFixed(2)}x, p95 ${rr.p95.toFixed(2)}x`);
  console.log(`bundle sizes (minified): gate only ${gateMin.length} B; full (gate+detect+extract+Readability) ${fullMin.length} B; Readability alone ${readabilityOnly.length} B`);
  console.log(`target gate-median-non-policy: ${fmt(gc.median)} ms (goal <= 0.3 ms)`);
  console.log(`target detect-extract-vs-readability: ${(rs.median > 0 ? fs.median / rs.median : 0).toFixed(2)}x (goal <= 1.3x)`);
  return 0;
}
