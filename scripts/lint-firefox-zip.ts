/**
 * `web-ext lint` on the Firefox package exactly as it goes to AMO: the zip from `npm run zip`, unpacked,
 * checked with AMO's listed-add-on rules. Fails on any error, and on any warning whose code the README
 * does not explain (section "Store packages"), and on an explanation whose warning no longer occurs, so
 * the README's list stays the list of what the linter says.
 *
 * Usage: node --import tsx scripts/lint-firefox-zip.ts   (after `npm run zip`)
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { extractZip, ROOT, storeZips } from './store-zips';

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** The warning codes the README explains: backticked UPPER_CASE codes in the "Store packages" section. */
function explainedWarnings(readme: string): Set<string> {
  const start = readme.indexOf('\n## Store packages');
  if (start < 0) throw new Error('README.md has no "## Store packages" section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return new Set([...section.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1] ?? ''));
}

async function main(): Promise<number> {
  const zip = storeZips().firefox;
  if (!existsSync(zip)) {
    console.error(`lint:firefox: no ${relative(ROOT, zip)}: run "npm run zip" first`);
    return 1;
  }
  const dir = mkdtempSync(join(tmpdir(), 'clausewatch-amo-'));
  try {
    await extractZip(zip, dir);
    const webExt = join(ROOT, 'node_modules', '.bin', 'web-ext');
    // web-ext exits 1 when there are errors; the JSON report on stdout is read either way.
    const { stdout } = await promisify(execFile)(webExt, ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { maxBuffer: 64 * 1024 * 1024 }).catch(
      (e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }),
    );
    const report = JSON.parse(stdout) as LintReport;
    const explained = explainedWarnings(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    const where = (m: LintMessage) => (m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '');
    console.log(`web-ext lint ${relative(ROOT, zip)}: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
    for (const kind of ['errors', 'warnings', 'notices'] as const) {
      for (const m of report[kind]) console.log(`  ${kind.slice(0, -1)} ${m.code}${where(m)}: ${m.message}`);
    }
    const problems: string[] = [];
    if (report.summary.errors > 0) problems.push(`${report.summary.errors} errors`);
    const seen = new Set(report.warnings.map((w) => w.code));
    for (const code of seen) if (!explained.has(code)) problems.push(`warning ${code} is not explained in README.md ("Store packages")`);
    for (const code of explained) if (!seen.has(code)) problems.push(`README.md ("Store packages") explains ${code}, which the linter no longer reports`);
    for (const p of problems) console.error(`lint:firefox: ${p}`);
    return problems.length ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
