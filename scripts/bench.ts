import { dispatch } from './lib/dispatch';

await dispatch('bench', process.argv.slice(2));
