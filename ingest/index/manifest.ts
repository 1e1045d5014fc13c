import { z } from 'zod';

/** Bumped whenever the files of a generation change shape; older indexes are then rebuilt. */
export const INDEX_SCHEMA_VERSION = 6;

const fileRecord = z.object({ file: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: z.string().length(64) });
export type FileRecord = z.infer<typeof fileRecord>;

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
  /** The first of the article's labels (they run unbroken), when the store could record it. */
  firstLabel: z.number().int().nonnegative().optional(),
  ingestedAt: z.string(),
  /** The file's size and times when it was read ("size:mtimeMs:ctimeMs"); while they match, it is not read again. */
  stat: z.string().optional(),
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
  /**
   * The last full snapshot of the vectors and of their passages (often hard links to an earlier
   * generation's files). `graph` is the hnswlib graph's parameters; null when the file holds the
   * vectors alone (the offline embedder's index, see FlatVectors).
   */
  vectors: fileRecord.extend({
    graph: z.object({ m: z.number().int().positive(), efConstruction: z.number().int().positive() }).nullable(),
  }),
  passages: fileRecord,
  /** The snapshot's lexical postings (see LexicalPostings). */
  postings: fileRecord,
  /** What changed since the snapshot, replayed on load; null right after a full snapshot. */
  delta: z
    .object({
      vectors: fileRecord,
      passages: fileRecord,
      /** Labels from this one on were added after the snapshot. */
      firstLabel: z.number().int().nonnegative(),
      /** Snapshot passages that are gone. */
      deletedLabels: z.array(z.number().int().nonnegative()),
    })
    .nullable(),
  nextLabel: z.number().int().nonnegative(),
  sources: z.record(z.string(), sourceRecordSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;
