#!/usr/bin/env node
// The CLI is TypeScript sharing lib/ with the extension; tsx compiles it on load, so there is no
// separate build step to forget after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { runAsProcess } = await import('../cli/main.ts');
await runAsProcess();
