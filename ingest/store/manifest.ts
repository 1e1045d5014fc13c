import { z } from 'zod';

/** Bumped whenever the files of a generation change shape; older indexes are then rebuilt. */
export const INDEX_SCHEMA_VERSION = 1;

const fileRecord = z.object({ file: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: z.string().length(64) });

export const embedderIdentitySchema = z.object({
  provider: z.string().min(1),
  model: z.string().min(1),
  dimensions: z.number().int().positive(),
});
export type EmbedderIdentity = z.infer<typeof embedderIdentitySchema>;

export const sourceRecordSchema = z.object({
  hash: z.string().length(64),
  title: z.string(),
  publisher: z.string().nullable(),
  site: z.string().nullable(),
  published: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string(),
  passageCount: z.number().int().nonnegative(),
  ingestedAt: z.string(),
});
export type SourceRecord = z.infer<typeof sourceRecordSchema>;

/** Settings that change how passages are cut and analysed: a change means re-embedding all. */
export const passageSettingsSchema = z.object({
  maxChars: z.number().int().positive(),
  overlapChars: z.number().int().nonnegative(),
  analyzer: z.string(),
});
export type PassageSettings = z.infer<typeof passageSettingsSchema>;

export const manifestSchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  createdAt: z.string(),
  embedder: embedderIdentitySchema,
  space: z.literal('cosine'),
  passageSettings: passageSettingsSchema,
  hnsw: fileRecord.extend({ m: z.number().int().positive(), efConstruction: z.number().int().positive() }),
  passages: fileRecord,
  nextLabel: z.number().int().nonnegative(),
  sources: z.record(z.string(), sourceRecordSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;
