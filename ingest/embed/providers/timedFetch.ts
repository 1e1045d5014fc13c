/**
 * fetch with a deadline, for clients that accept a custom fetch but have no timeout of their own
 * (the ollama client, transformers.js downloads). The abort reason is a `TimeoutError`, which
 * `isTransientFailure` treats as worth retrying.
 */

const timeoutError = (ms: number) => new DOMException(`no answer within ${ms} ms`, 'TimeoutError');

function combine(own: AbortSignal, given: AbortSignal | null | undefined): AbortSignal {
  return given ? AbortSignal.any([own, given]) : own;
}

/** Every request, body included, must finish within `timeoutMs`. */
export function createTimedFetch(timeoutMs: number, fetchImpl: typeof fetch = fetch): typeof fetch {
  return (input, init = {}) => fetchImpl(input, { ...init, signal: combine(AbortSignal.timeout(timeoutMs), init.signal) });
}

/**
 * The response headers must arrive within `timeoutMs`; the body may then take as long as it
 * needs (a model download runs for minutes, but a server that never answers is found quickly).
 */
export function createHeadersTimedFetch(timeoutMs: number, fetchImpl: typeof fetch = fetch): typeof fetch {
  return async (input, init = {}) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(timeoutError(timeoutMs)), timeoutMs);
    try {
      return await fetchImpl(input, { ...init, signal: combine(controller.signal, init.signal) });
    } finally {
      clearTimeout(timer);
    }
  };
}
