#!/usr/bin/env node
// The installed command: the bundle that `npm run build:cli` writes to dist/ (npm pack builds it
// first; `npm install` in the repository builds it too). From the sources: `npm run cli -- ARGS`.
import process from 'node:process';

let cli;
try {
  cli = await import('../dist/cli.mjs');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('cli.mjs')) throw e;
  process.stderr.write("clausewatch: error: the command-line tool is not built: run 'npm run build:cli' in the repository\n");
  process.exit(3);
}
await cli.runAsProcess();
