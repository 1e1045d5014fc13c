import { describeProviderError } from '../providers/providerErrors.js';

/**
 * Asks the hub for one byte of the model's config.json: null when it answers and has the model,
 * otherwise why not. The short timeout is what lets `auto` fall back to the offline embedder
 * quickly on a machine without network (where DNS may hang rather than fail).
 */
export async function findHubProblem(hubUrl: string, model: string, timeoutMs: number): Promise<string | null> {
  const host = new URL(hubUrl).host;
  try {
    const response = await fetch(`${hubUrl}${model}/resolve/main/config.json`, {
      headers: { Range: 'bytes=0-0' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.ok) return null;
    return response.status === 404 ? `${host} has no model ${model}` : `${host} answered HTTP ${response.status}`;
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return `${host} did not answer within ${timeoutMs / 1000} s`;
    return `${host} is unreachable: ${describeProviderError(error)}`;
  }
}
