import { z } from 'zod';

/** Bumped whenever the files of a generation change shape; older indexes are then rebuilt. */
export const INDEX_SCHEMA_VERSION = 7;

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

const isText = (v: unknown) => typeof v === 'string';
const isTextOrNull = (v: unknown) => v === null || typeof v === 'string';
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

/** What sourceRecordSchema accepts, checked by hand (test/ingest/index/manifest.test.ts holds the two together). */
function isSourceRecord(v: unknown): v is SourceRecord {
  const r = v as Record<string, unknown> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    !Array.isArray(r) &&
    isText(r.hash) &&
    (r.hash as string).length === 64 &&
    isText(r.title) &&
    isTextOrNull(r.publisher) &&
    isTextOrNull(r.site) &&
    isTextOrNull(r.published) &&
    isTextOrNull(r.url) &&
    isText(r.language) &&
    isCount(r.passageCount) &&
    (r.firstLabel === undefined || isCount(r.firstLabel)) &&
    isText(r.ingestedAt) &&
    (r.stat === undefined || isText(r.stat))
  );
}

/**
 * Articles by id. Each record is checked by hand, and only one that fails goes through
 * sourceRecordSchema, for zod's message naming the field: zod over every record took 90 ms of
 * loading a 100k-passage index (25k articles), and 20 of the 150 ms of loading a 1k one.
 */
export const sourceTableSchema = z
  .custom<Record<string, SourceRecord>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    'expected an object of article records',
  )
  .superRefine((sources, ctx) => {
    for (const id in sources) {
      const record: unknown = sources[id];
      if (isSourceRecord(record)) continue;
      const parsed = sourceRecordSchema.safeParse(record);
      for (const issue of parsed.error?.issues ?? [{ code: 'custom' as const, path: [], message: 'not an article record' }]) {
        ctx.addIssue({ code: 'custom', path: [id, ...issue.path], message: issue.message });
      }
      return;
    }
  });

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
  sources: sourceTableSchema,
});
export type Manifest = z.infer<typeof manifestSchema>;
