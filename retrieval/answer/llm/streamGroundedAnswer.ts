import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import { parseJsonMarkdown } from '@langchain/core/output_parsers';
import { z } from 'zod';
import { cleanPartialAnswer } from './cleanCitations.js';
import { groundedAnswerSchema, type GroundedAnswer } from './groundedAnswerSchema.js';

/** The model replied, but not with something that can be shown; the caller falls back. */
export class UnusableReplyError extends Error {
  override name = 'UnusableReplyError';
}

export type StreamOptions = {
  /** The whole reply must have arrived within this. */
  timeoutMs: number;
  passageCount: number;
  /** Called with the answer text so far (complete, known [n] markers only) whenever it grows. */
  onPartial?: (text: string) => void;
};

/** Settles with `promise`, or rejects with the abort reason as soon as `signal` fires. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * Yields from `source` until it ends or `signal` fires. Providers check the signal only between
 * chunks (or not at all), so a server that stalls mid-stream would otherwise hold the answer.
 */
async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await raceAbort(iterator.next(), signal);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // A stalled stream may never settle return(): release it without waiting.
    void iterator.return?.()?.catch(() => undefined);
  }
}

/** The answer text of a reply still being written, or '' while there is none to show. */
function partialAnswerOf(text: string, passageCount: number): string {
  let value: unknown;
  try {
    value = parseJsonMarkdown(text);
  } catch {
    return '';
  }
  const reply = value as Partial<Record<keyof GroundedAnswer, unknown>> | null;
  if (!reply || reply.found === false || typeof reply.answer !== 'string') return '';
  return cleanPartialAnswer(reply.answer, passageCount);
}

function parseReply(text: string): GroundedAnswer {
  let raw: unknown;
  try {
    raw = parseJsonMarkdown(text, JSON.parse);
  } catch {
    throw new UnusableReplyError(`the reply is not JSON: ${JSON.stringify(text.slice(0, 120))}`);
  }
  const parsed = groundedAnswerSchema.safeParse(raw);
  if (!parsed.success)
    throw new UnusableReplyError(`the reply does not fit the answer schema: ${z.prettifyError(parsed.error).replace(/\s+/g, ' ')}`);
  return parsed.data;
}

/**
 * Streams the model's reply to `messages`, reporting the answer text as it grows, and returns
 * the complete reply validated against the answer schema. Rejects on provider errors, on
 * timeout (a `TimeoutError`) and with UnusableReplyError when the reply is not a valid answer.
 */
export async function streamGroundedAnswer(model: BaseChatModel, messages: BaseMessage[], options: StreamOptions): Promise<GroundedAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`no complete answer within ${options.timeoutMs} ms`, 'TimeoutError')),
    options.timeoutMs,
  );
  let text = '';
  let shown = '';
  try {
    const stream = await raceAbort(model.stream(messages, { signal: controller.signal }), controller.signal);
    for await (const chunk of untilAborted(stream, controller.signal)) {
      text += chunk.text;
      const partial = partialAnswerOf(text, options.passageCount);
      if (partial && partial !== shown) {
        shown = partial;
        options.onPartial?.(partial);
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return parseReply(text);
}
