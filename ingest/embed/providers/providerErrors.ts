/**
 * Making sense of the errors model-provider clients throw (the openai SDK, the ollama client,
 * fetch): which are worth retrying, and a short reason a person can act on. Shared by the
 * embedders and the LLM answerer.
 */

/** Connection-level failures that usually pass: the next attempt may well succeed. */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
/** A server asking for a longer pause than this is treated as this: retries must end in bounded time. */
const MAX_RETRY_AFTER_MS = 30_000;
const MAX_REASON_CHARS = 300;

type Inspectable = { [key: string]: unknown };
const asObject = (value: unknown): Inspectable | null => (typeof value === 'object' && value !== null ? (value as Inspectable) : null);

/** The HTTP status the client attached: `status` (openai SDK), `status_code` (ollama client). */
export function httpStatusOf(error: unknown): number | undefined {
  const e = asObject(error);
  if (!e) return undefined;
  for (const key of ['status', 'status_code', 'statusCode']) if (typeof e[key] === 'number') return e[key];
  const response = asObject(e.response);
  return typeof response?.status === 'number' ? response.status : undefined;
}

/** The system error code (ECONNREFUSED…) anywhere in the cause chain; fetch hides it two levels down. */
function networkCodeOf(error: unknown): string | undefined {
  let current = asObject(error);
  for (let depth = 0; current && depth < 4; depth++, current = asObject(current.cause)) {
    if (typeof current.code === 'string' && /^[A-Z_]+$/.test(current.code)) return current.code;
  }
  return undefined;
}

const isTimeout = (error: unknown) => asObject(error)?.name === 'TimeoutError';

/** 408, 429, 5xx, timeouts and dropped connections; never bad requests, bad keys or bad responses. */
export function isTransientFailure(error: unknown): boolean {
  const status = httpStatusOf(error);
  if (status !== undefined) return status === 408 || status === 429 || status >= 500;
  if (isTimeout(error)) return true;
  const code = networkCodeOf(error);
  return code !== undefined && TRANSIENT_NETWORK_CODES.has(code);
}

function retryAfterMsOf(error: unknown): number | undefined {
  const headers = asObject(asObject(error)?.headers);
  const value = typeof headers?.get === 'function' ? (headers.get as (name: string) => unknown)('retry-after') : undefined;
  if (typeof value !== 'string') return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * An `onFailedAttempt` handler for LangChain's AsyncCaller: returning lets it retry with
 * exponential backoff (honouring a Retry-After header), throwing stops at once. LangChain's own
 * default gives up on a 429 without Retry-After and does not read the ollama client's status.
 */
export function retryTransientFailures(error: unknown): void {
  if (!isTransientFailure(error)) throw error;
  const wait = retryAfterMsOf(error);
  const target = asObject(error);
  if (wait !== undefined && target) target.retryAfterMs = Math.min(wait, MAX_RETRY_AFTER_MS);
}

/** One line saying what went wrong, without stack or request body. */
export function describeProviderError(error: unknown): string {
  const e = asObject(error);
  const message = typeof e?.message === 'string' ? e.message.replace(/\s+/g, ' ').trim() : String(error);
  const status = httpStatusOf(error);
  const code = networkCodeOf(error);
  let reason: string;
  if (status !== undefined) reason = message.startsWith(String(status)) ? `HTTP ${message}` : `HTTP ${status}: ${message}`;
  else if (isTimeout(error)) reason = 'no answer in time (timed out)';
  else if (e?.name === 'SyntaxError') reason = `malformed response (${message})`;
  else if (code) reason = `cannot connect (${code})`;
  else reason = message;
  return reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS - 1)}…` : reason;
}
