export { extractPolicy } from './extract';
export type { ExtractResult, ExtractOptions } from './extract';
export { findStatedDate } from '../text/dates';
