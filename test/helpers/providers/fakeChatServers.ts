import type { ServerResponse } from 'node:http';

/** Streams `content` as OpenAI chat-completion chunks (server-sent events), as /v1/chat/completions does with stream: true. */
export function streamOpenAIChat(response: ServerResponse, content: string, pieceLength = 7): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (delta: object, finish: string | null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'gpt-test', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  response.write(chunk({ role: 'assistant', content: '' }, null));
  for (let i = 0; i < content.length; i += pieceLength) response.write(chunk({ content: content.slice(i, i + pieceLength) }, null));
  response.write(chunk({}, 'stop'));
  response.end('data: [DONE]\n\n');
}

/** Streams `content` as Ollama /api/chat does: one JSON object per line, the last with done: true. */
export function streamOllamaChat(response: ServerResponse, content: string, pieceLength = 7): void {
  response.writeHead(200, { 'content-type': 'application/x-ndjson' });
  const line = (text: string, done: boolean) =>
    `${JSON.stringify({ model: 'llm-test', created_at: new Date(0).toISOString(), message: { role: 'assistant', content: text }, done, ...(done ? { done_reason: 'stop', eval_count: 1, prompt_eval_count: 1 } : {}) })}\n`;
  for (let i = 0; i < content.length; i += pieceLength) response.write(line(content.slice(i, i + pieceLength), false));
  response.end(line('', true));
}
