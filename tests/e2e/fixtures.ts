import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type Route } from './harness';

const SITE = join(ROOT, 'tests/fixtures/demo-site');

/** A page of the bundled demo site (Inkwell Notes), read fresh so tests can't alter each other's copy. */
export function demoPage(name: 'index' | 'privacy-v1' | 'privacy-v2' | 'privacy-cosmetic'): Route {
  return { body: readFileSync(join(SITE, `${name}.html`), 'utf8') };
}
