/**
 * Every error the domain raises comes from this one table, so messages stay consistent and
 * front-ends can tell errors that are safe to show (`userFacing`) from internal failures.
 */
const errorTable = {
  CONFIG_INVALID: { userFacing: true, message: (p: { detail: string }) => `Invalid configuration:\n${p.detail}` },
  INDEX_MISSING: {
    userFacing: true,
    message: (p: { dir: string }) => `No index found in ${p.dir}. Run \`npm run ingest\` first.`,
  },
  INDEX_DAMAGED: {
    userFacing: true,
    message: (p: { file: string; reason: string }) =>
      `The index file ${p.file} cannot be read (${p.reason}). Run \`npm run ingest\` to rebuild it.`,
  },
  INDEX_INCOMPATIBLE: {
    userFacing: true,
    message: (p: { dir: string; reason: string }) =>
      `The index in ${p.dir} was built differently (${p.reason}). Run \`npm run ingest\` to rebuild it.`,
  },
  EMBEDDING_DIMENSIONS: {
    userFacing: false,
    message: (p: { expected: number; actual: number }) =>
      `Vector has ${p.actual} dimensions, the index expects ${p.expected}.`,
  },
  EMBEDDER_UNAVAILABLE: {
    userFacing: true,
    message: (p: { embedder: string; reason: string }) => `The ${p.embedder} embedder cannot be used: ${p.reason}`,
  },
  EMBEDDER_FAILED: {
    userFacing: true,
    message: (p: { embedder: string; reason: string }) => `The ${p.embedder} embedder failed: ${p.reason}`,
  },
  EMBEDDER_MISMATCH: {
    userFacing: true,
    message: (p: { dir: string; built: string; configured: string; fix: string }) =>
      `The index in ${p.dir} was embedded with ${p.built}, but ${p.configured} is configured. ` +
      `Run \`npm run ingest\` to re-embed the articles with it, or ${p.fix} to use the index as it is.`,
  },
  EMPTY_QUESTION: { userFacing: true, message: () => 'The question is empty: type what you want to know.' },
  QUESTION_TOO_LONG: {
    userFacing: true,
    message: (p: { max: number }) => `The question is too long: keep it under ${p.max} characters.`,
  },
  UNKNOWN_SOURCE: {
    userFacing: true,
    message: (p: { id: string }) => `No article with id "${p.id}". Use /sources to list them.`,
  },
  NOTHING_INGESTED: {
    userFacing: true,
    message: (p: { dir: string }) => `Nothing usable was found in ${p.dir}: every file was skipped.`,
  },
  INVALID_OPTION: {
    userFacing: true,
    message: (p: { detail: string }) => `That option is not valid:\n${p.detail}`,
  },
  MISSING_PERMISSION: {
    userFacing: true,
    message: (p: { permission: string }) => `You need the ${p.permission} permission for this.`,
  },
  COOLDOWN: {
    userFacing: true,
    message: (p: { seconds: number }) => `You are asking faster than I can keep up: try again in ${p.seconds} s.`,
  },
  REINGEST_RUNNING: {
    userFacing: true,
    message: () => 'A re-ingest is already running: try again when it has finished.',
  },
  INTERACTION_EXPIRED: {
    userFacing: true,
    message: () => 'These buttons have expired: run the command again.',
  },
} as const;

export type ErrorCode = keyof typeof errorTable;
type ErrorParams<C extends ErrorCode> = Parameters<(typeof errorTable)[C]['message']>[0];

export class NewsdeskError extends Error {
  override name = 'NewsdeskError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** True when the message may be shown to an end user as it is. */
    readonly userFacing: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function createError<C extends ErrorCode>(
  code: C,
  ...[params, options]: ErrorParams<C> extends undefined ? [undefined?, ErrorOptions?] : [ErrorParams<C>, ErrorOptions?]
): NewsdeskError {
  const entry = errorTable[code];
  const message = (entry.message as (p: unknown) => string)(params);
  return new NewsdeskError(code, message, entry.userFacing, options);
}

export function isUserFacingError(error: unknown): error is NewsdeskError {
  return error instanceof NewsdeskError && error.userFacing;
}
