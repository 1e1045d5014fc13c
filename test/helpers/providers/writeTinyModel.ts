import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { floatTensor, int64Tensor, node, ONNX_FLOAT, ONNX_INT64, onnxModel, valueInfo } from './writeOnnxModel.js';

/**
 * A tiny BERT-shaped sentence-embedding model, written as real model files: a WordPiece
 * tokenizer over the given words and an ONNX graph that looks up word and token-type vectors
 * and zeroes padding with the attention mask (`last_hidden_state`). transformers.js mean-pools
 * and normalises it exactly as it does a real E5 model, on the real onnxruntime-node.
 */

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'] as const;

/** Word splitting close to BertPreTokenizer after BertNormalizer(lowercase, no accent stripping). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
}

/** A deterministic pseudo-random vector per token (mulberry32 seeded by FNV-1a of the token). */
export function tokenVector(token: string, dimensions: number): number[] {
  let seed = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) seed = Math.imul(seed ^ token.charCodeAt(i), 0x01000193);
  const vector: number[] = [];
  for (let i = 0; i < dimensions; i++) {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    vector.push(((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5);
  }
  return vector;
}

export type TinyModel = { dir: string; vocab: string[]; dimensions: number };

/** Writes config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx (fp32) into `dir`. */
export async function writeTinyModel(
  dir: string,
  { texts, dimensions = 32 }: { texts: string[]; dimensions?: number },
): Promise<TinyModel> {
  const vocab = [...SPECIAL_TOKENS, ...new Set(texts.flatMap(wordsOf))];
  const ids = Object.fromEntries(vocab.map((token, id) => [token, id]));
  const wordTable = vocab.flatMap((token) => (token === '[PAD]' ? new Array<number>(dimensions).fill(0) : tokenVector(token, dimensions)));
  const typeTable = [...tokenVector('type:0', dimensions), ...tokenVector('type:1', dimensions)].map((v) => v / 10);

  const model = onnxModel({
    nodes: [
      node('Gather', ['word_embeddings', 'input_ids'], ['word_vectors'], { axis: 0 }),
      node('Gather', ['token_type_embeddings', 'token_type_ids'], ['type_vectors'], { axis: 0 }),
      node('Add', ['word_vectors', 'type_vectors'], ['token_vectors']),
      node('Cast', ['attention_mask'], ['mask'], { to: ONNX_FLOAT }),
      node('Unsqueeze', ['mask', 'last_axis'], ['mask_column']),
      node('Mul', ['token_vectors', 'mask_column'], ['last_hidden_state']),
    ],
    initializers: [
      floatTensor('word_embeddings', [vocab.length, dimensions], wordTable),
      floatTensor('token_type_embeddings', [2, dimensions], typeTable),
      int64Tensor('last_axis', [2]),
    ],
    inputs: ['input_ids', 'attention_mask', 'token_type_ids'].map((name) => valueInfo(name, ONNX_INT64, ['batch_size', 'sequence_length'])),
    outputs: [valueInfo('last_hidden_state', ONNX_FLOAT, ['batch_size', 'sequence_length', dimensions])],
  });

  const special = (token: string) => ({
    id: ids[token],
    content: token,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const template = (token: string) => ({ SpecialToken: { id: token, type_id: 0 } });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: false, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [template('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, template('[SEP]')],
      pair: [
        template('[CLS]'),
        { Sequence: { id: 'A', type_id: 0 } },
        template('[SEP]'),
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [ids[t]], tokens: [t] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: ids },
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: 512,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    clean_up_tokenization_spaces: true,
  };
  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dimensions,
    vocab_size: vocab.length,
    type_vocab_size: 2,
    max_position_embeddings: 512,
    pad_token_id: 0,
  };

  await mkdir(join(dir, 'onnx'), { recursive: true });
  await writeFile(join(dir, 'onnx', 'model.onnx'), model);
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  await writeFile(join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig));
  await writeFile(join(dir, 'config.json'), JSON.stringify(config));
  return { dir, vocab, dimensions };
}

/** What the model should give for `text`: mean of its token vectors ([CLS] … [SEP], type 0), L2-normalised. */
export function expectedEmbedding(model: TinyModel, text: string): number[] {
  const known = new Set(model.vocab);
  const tokens = ['[CLS]', ...wordsOf(text).map((w) => (known.has(w) ? w : '[UNK]')), '[SEP]'];
  const type0 = tokenVector('type:0', model.dimensions).map((v) => v / 10);
  const sum = new Array<number>(model.dimensions).fill(0);
  for (const token of tokens) tokenVector(token, model.dimensions).forEach((v, i) => (sum[i]! += v + type0[i]!));
  const norm = Math.hypot(...sum);
  return sum.map((v) => v / norm);
}
