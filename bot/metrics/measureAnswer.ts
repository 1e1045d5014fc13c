import { isUserFacingError } from '../../ingest/core/errors.js';
import type { Answer } from '../../retrieval/answer/answerQuestion.js';
import type { Metrics } from '../../ingest/core/metrics/createMetrics.js';

/** Runs `answer` and records its latency and outcome; the answer or the error passes through unchanged. */
export async function measureAnswer(metrics: Pick<Metrics, 'recordAnswer'>, answer: () => Promise<Answer>): Promise<Answer> {
  const began = performance.now();
  const seconds = () => (performance.now() - began) / 1000;
  try {
    const result = await answer();
    metrics.recordAnswer(seconds(), result.answer === null ? 'no_answer' : 'answered');
    return result;
  } catch (error) {
    metrics.recordAnswer(seconds(), isUserFacingError(error) ? 'rejected' : 'failed');
    throw error;
  }
}
