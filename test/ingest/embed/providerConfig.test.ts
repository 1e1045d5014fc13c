import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEmbeddingsConfig } from '../../../ingest/embed/embeddingsConfig.js';
import { loadAnswerConfig } from '../../../retrieval/answer/llm/answerConfig.js';

const configError = (load: () => unknown) => {
  try {
    load();
  } catch (error) {
    expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
};

describe('provider settings from the environment', () => {
  it('GIVEN nothing set THEN embeddings are auto with the multilingual E5 model, cached in the user cache, and answers extractive', () => {
    const config = loadEmbeddingsConfig({ HOME: '/home/x' });
    expect(config.provider).toBe('auto');
    expect(config.transformers).toEqual({
      model: 'Xenova/multilingual-e5-small',
      modelPath: null,
      dtype: 'q8',
      cacheDir: join(homedir(), '.cache', 'newsdesk', 'models'),
      hubUrl: 'https://huggingface.co/',
      probeTimeoutMs: 3000,
    });
    expect(config.ollama).toEqual({ baseUrl: 'http://127.0.0.1:11434', model: 'bge-m3' });
    expect(loadAnswerConfig({})).toEqual({ mode: 'extractive' });
  });

  it('GIVEN empty values (as `.env` lines like `EMBEDDINGS_MODEL=` give) THEN they count as unset', () => {
    expect(loadEmbeddingsConfig({ EMBEDDINGS: '', EMBEDDINGS_MODEL: ' ' }).transformers.model).toBe('Xenova/multilingual-e5-small');
  });

  it('GIVEN a local model directory THEN the index names the model after the directory unless EMBEDDINGS_MODEL says otherwise', () => {
    expect(loadEmbeddingsConfig({ EMBEDDINGS_MODEL_PATH: '/models/my-e5' }).transformers).toMatchObject({
      model: 'my-e5',
      modelPath: '/models/my-e5',
    });
    expect(
      loadEmbeddingsConfig({ EMBEDDINGS_MODEL_PATH: '/models/my-e5', EMBEDDINGS_MODEL: 'Xenova/multilingual-e5-small' }).transformers.model,
    ).toBe('Xenova/multilingual-e5-small');
  });

  it.each([
    [{ EMBEDDINGS: 'bert' }, 'EMBEDDINGS'],
    [{ EMBEDDINGS_BATCH_SIZE: '0' }, 'EMBEDDINGS_BATCH_SIZE'],
    [{ EMBEDDINGS_DTYPE: 'int3' }, 'EMBEDDINGS_DTYPE'],
    [{ OLLAMA_BASE_URL: 'localhost:11434' }, 'OLLAMA_BASE_URL'],
    [{ EMBEDDINGS: 'openai' }, 'OPENAI_API_KEY'],
    [{ EMBEDDINGS: 'ollama', EMBEDDINGS_MODEL_PATH: '/models/x' }, 'EMBEDDINGS_MODEL_PATH'],
  ])('GIVEN %j THEN the embeddings error names %s', (env, variable) => {
    expect(configError(() => loadEmbeddingsConfig(env))).toContain(variable);
  });

  it.each([
    [{ ANSWER_MODE: 'generative' }, 'ANSWER_MODE'],
    [{ ANSWER_MODE: 'llm', LLM_PROVIDER: 'anthropic' }, 'LLM_PROVIDER'],
    [{ ANSWER_MODE: 'llm', LLM_TIMEOUT_MS: 'soon' }, 'LLM_TIMEOUT_MS'],
    [{ ANSWER_MODE: 'llm', LLM_PROVIDER: 'openai' }, 'LLM_API_KEY'],
  ])('GIVEN %j THEN the answer error names %s', (env, variable) => {
    expect(configError(() => loadAnswerConfig(env))).toContain(variable);
  });

  it('GIVEN LLM mode THEN provider defaults fill in and an OpenAI key can come from OPENAI_API_KEY', () => {
    expect(loadAnswerConfig({ ANSWER_MODE: 'llm' })).toEqual({
      mode: 'llm',
      llm: { provider: 'ollama', model: 'qwen2.5:7b', baseUrl: 'http://127.0.0.1:11434', apiKey: null, timeoutMs: 60_000 },
    });
    expect(loadAnswerConfig({ ANSWER_MODE: 'llm', LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-x' })).toEqual({
      mode: 'llm',
      llm: { provider: 'openai', model: 'gpt-4o-mini', baseUrl: null, apiKey: 'sk-x', timeoutMs: 60_000 },
    });
  });
});
