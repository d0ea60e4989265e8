/**
 * The direction of imports is enforced by lint (eslint.config.js); this proves the rules bite, by linting
 * small files as if they sat in each layer.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import direction', () => {
  it.each([
    ['lib/engine/probe.ts', "import { openPolicyStore } from '../store';\nexport const x = openPolicyStore;\n", /does not import the history store/],
    ['lib/explain/probe.ts', "import { sendMessage } from '@/utils/send';\nexport const x = sendMessage;\n", /imports nothing of the extension/],
    ['lib/store/probe.ts', "import { useWords } from '../../components/words';\nexport const x = useWords;\n", /imports nothing of the extension/],
    ['lib/badge-probe.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;\n", /No browser extension API/],
    ['components/Probe.tsx', "import { sendMessage } from '@/utils/send';\nexport const x = sendMessage;\n", /Components render what they are given/],
    ['cli/probe.ts', "import { createBadges } from '../utils/badges';\nexport const x = createBadges;\n", /The CLI runs the core/],
  ])('%s may not import that', async (file, code, message) => {
    const found = await restricted(file, code);
    expect(found.join('\n')).toMatch(message);
  });

  it.each([
    ['lib/store/probe.ts', "import { analyzeChange } from '../engine';\nexport const x = analyzeChange;\n"],
    ['utils/probe.ts', "import { openPolicyStore } from '@/lib/store';\nexport const x = openPolicyStore;\n"],
    ['cli/probe.ts', "import { explainer } from '../lib/explain';\nexport const x = explainer;\n"],
  ])('%s may import that (downwards)', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
