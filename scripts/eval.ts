import { dispatch } from './lib/dispatch';

await dispatch('eval', process.argv.slice(2));
