import { z } from 'zod';

const answerText = z
  .string()
  .describe(
    'the answer in the language of the question, each statement followed by the [n] of the passage it comes from; empty when found is false',
  );

/**
 * What the model must reply: whether the passages answer the question, then the answer with
 * its [n] markers. `found` comes first so the model decides before it writes, and so a refusal
 * is known before any answer text streams.
 */
const replyShape = z.object({
  found: z.boolean().describe('true only when the passages contain the answer'),
  answer: answerText,
});

/** The reply as validated: a runaway generation is refused rather than posted. */
export const groundedAnswerSchema = replyShape.extend({ answer: answerText.max(4000) });
export type GroundedAnswer = z.infer<typeof groundedAnswerSchema>;

/**
 * The schema for providers that constrain decoding to it (OpenAI json_schema, Ollama format):
 * without the length limit and `$schema`, which OpenAI's strict mode rejects.
 */
const { $schema: _dialect, ...providerSchema } = z.toJSONSchema(replyShape);
export const groundedAnswerJsonSchema: Record<string, unknown> = providerSchema;
