/**
 * The shipped statement model, decoded once on first use (a few milliseconds; about 4 MB of weights in
 * memory). Only the background, the offscreen document and the CLI load it: never a web page.
 */
import file from './statement-model.json';
import { loadModel, type LinearModel, type ModelFile } from './linear';

let model: LinearModel | undefined;

export function shippedModel(): LinearModel {
  return (model ??= loadModel(file as ModelFile));
}
