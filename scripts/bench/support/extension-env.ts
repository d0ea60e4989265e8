/**
 * The extension's APIs for a benchmark that runs feature modules in Node: WXT's fakeBrowser (the one the
 * unit tests use) as `browser` and `chrome`, installed before any module that reads them is evaluated.
 * Import it first.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

const scope = globalThis as unknown as { browser?: unknown; chrome?: unknown };
scope.browser = fakeBrowser;
scope.chrome = fakeBrowser;
