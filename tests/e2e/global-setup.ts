import { existsSync } from 'node:fs';
import { CHROME_BUILD, CHROMIUM } from './harness';

// Fail loudly and early rather than with 20 confusing timeouts.
export default function setup(): void {
  if (!existsSync(`${CHROME_BUILD}/manifest.json`)) {
    throw new Error(`No extension build at ${CHROME_BUILD}: run "npm run build" first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium).`);
  }
}
