import type { TransformersDtype } from '../embeddingsConfig.js';

/**
 * How the index manifest names a transformers model: the model and its weight variant, e.g.
 * "Xenova/multilingual-e5-small@q8" — fp32 and q8 weights give slightly different vectors.
 */
export function formatTransformersModel(model: string, dtype: TransformersDtype): string {
  return `${model}@${dtype}`;
}

/** The inverse of formatTransformersModel; hub ids never contain "@". */
export function parseTransformersModel(recorded: string): { model: string; dtype: string } {
  const at = recorded.lastIndexOf('@');
  return at > 0 ? { model: recorded.slice(0, at), dtype: recorded.slice(at + 1) } : { model: recorded, dtype: '' };
}

export type PromptPrefixes = { query: string; passage: string };

/**
 * E5 models were trained with "query: " before questions and "passage: " before documents and
 * retrieve noticeably worse without them; other models get the text as it is.
 */
export function promptPrefixesFor(model: string): PromptPrefixes {
  return /\be5\b/i.test(model) ? { query: 'query: ', passage: 'passage: ' } : { query: '', passage: '' };
}
