import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPipelineConfig, type PipelineConfig } from '../../ingest/core/config.js';
import { createOfflineEmbedder } from '../../ingest/embed/createEmbedder.js';
import { createLogger } from '../../ingest/core/logger.js';
import { runIngest } from '../../ingest/pipeline/runIngest.js';
import { loadIndex, type LoadedIndex } from '../../retrieval/open/loadIndex.js';
import { createTestDatabase } from '../ingest/index/postgres/support/createTestDatabase.js';
import type { CorpusDocument } from './readTrack.js';

/**
 * Builds a bot index from a track's corpus the way a user would: every document becomes a
 * Markdown seed file (front-matter title and language, the text as body) in a scratch folder,
 * and the bot's own ingest and loader turn that folder into the index questions are asked of.
 * With INDEX_URL set, each track's index is a database of its own on that server, dropped after.
 */

export type TrackIndex = {
  index: LoadedIndex;
  /** The corpus document id of each seed file (the index's source id). */
  documentOf: Map<string, string>;
  cleanup: () => Promise<void>;
};

/** A file name for a document id: safe characters kept, anything else hex-escaped. */
function seedFileName(id: string): string {
  return `${id.replace(/[^A-Za-z0-9_.-]/g, (c) => `~${c.codePointAt(0)!.toString(16)}~`)}.md`;
}

function toSeed(doc: CorpusDocument): string {
  const title = doc.title.trim();
  // JSON strings are valid YAML double-quoted scalars, so any title survives the front-matter.
  const frontMatter = [...(title ? [`title: ${JSON.stringify(title)}`] : []), `language: ${doc.lang}`];
  return `---\n${frontMatter.join('\n')}\n---\n\n${doc.text.trim()}\n`;
}

export async function buildTrackIndex(
  corpus: readonly CorpusDocument[],
  settings: Pick<PipelineConfig, 'passageMaxChars' | 'passageOverlapChars'>,
): Promise<TrackIndex> {
  const root = await mkdtemp(join(tmpdir(), 'newsdesk-eval-'));
  const { indexUrl } = loadPipelineConfig();
  const database = indexUrl ? await createTestDatabase(indexUrl) : null;
  const cleanup = async () => {
    await rm(root, { recursive: true, force: true });
    await database?.drop();
  };
  try {
    const config: PipelineConfig = {
      seedsDir: join(root, 'seeds'),
      indexDir: join(root, 'index'),
      maxSeedBytes: 10 * 1024 * 1024,
      ...settings,
      ...(database ? { indexUrl: database.url } : {}),
    };
    await mkdir(config.seedsDir);
    const documentOf = new Map<string, string>();
    for (const doc of corpus) {
      const file = seedFileName(doc.id);
      documentOf.set(file, doc.id);
      await writeFile(join(config.seedsDir, file), toSeed(doc));
    }
    const embedder = createOfflineEmbedder();
    // Warnings still show: a corpus document the ingest skips counts as never found.
    await runIngest(config, { embedder, logger: createLogger({ level: 'warn' }), tty: false });
    return { index: await loadIndex(config, embedder), documentOf, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
