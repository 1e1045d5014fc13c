import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { SaveableVectorStore } from '@langchain/core/vectorstores';
import hnswlib from 'hnswlib-node';

/**
 * The baseline's vector store: what `@langchain/community`'s `HNSWLib` does, built directly on
 * hnswlib-node because that package cannot be installed here (its peer dependency
 * `@browserbasehq/stagehand` wants zod ^3; this project uses zod 4). Same behaviour: cosine
 * space, `initIndex(count)` with hnswlib's defaults (M 16, efConstruction 200, search ef 10),
 * labels 0…n-1, an in-memory docstore (a Map), every vector embedded in one call, and `save`
 * writing `hnswlib.index`, `args.json` and `docstore.json` (the Map's entries as JSON).
 */

const { HierarchicalNSW } = hnswlib;
type Index = InstanceType<typeof HierarchicalNSW>;
type Args = { space: 'cosine'; numDimensions: number };

export class HnswLibRecipe extends SaveableVectorStore {
  declare FilterType: (doc: Document) => boolean;

  constructor(
    embeddings: EmbeddingsInterface,
    readonly args: Args,
    readonly index: Index,
    readonly docstore: Map<string, Document>,
  ) {
    super(embeddings, args);
  }

  _vectorstoreType(): string {
    return 'hnswlib';
  }

  async addDocuments(documents: Document[]): Promise<void> {
    await this.addVectors(await this.embeddings.embedDocuments(documents.map((d) => d.pageContent)), documents);
  }

  async addVectors(vectors: number[][], documents: Document[]): Promise<void> {
    if (vectors.length === 0) return;
    if (this.index.getCurrentCount() === 0) this.index.initIndex(vectors.length);
    const needed = this.index.getCurrentCount() + vectors.length;
    if (needed > this.index.getMaxElements()) this.index.resizeIndex(needed);
    const first = this.index.getCurrentCount();
    vectors.forEach((vector, i) => {
      this.index.addPoint(vector, first + i);
      this.docstore.set(String(first + i), documents[i]!);
    });
  }

  async similaritySearchVectorWithScore(query: number[], k: number): Promise<[Document, number][]> {
    const { neighbors, distances } = this.index.searchKnn(query, Math.min(k, this.index.getCurrentCount()));
    return neighbors.map((label, i) => [this.docstore.get(String(label))!, distances[i]!]);
  }

  async save(directory: string): Promise<void> {
    await mkdir(directory, { recursive: true });
    await this.index.writeIndex(join(directory, 'hnswlib.index'));
    await writeFile(join(directory, 'args.json'), JSON.stringify(this.args));
    await writeFile(join(directory, 'docstore.json'), JSON.stringify(Array.from(this.docstore.entries())));
  }

  static override async fromDocuments(documents: Document[], embeddings: EmbeddingsInterface): Promise<HnswLibRecipe> {
    const vectors = await embeddings.embedDocuments(documents.map((d) => d.pageContent));
    const args: Args = { space: 'cosine', numDimensions: vectors[0]?.length ?? 0 };
    const store = new HnswLibRecipe(embeddings, args, new HierarchicalNSW(args.space, args.numDimensions), new Map());
    await store.addVectors(vectors, documents);
    return store;
  }

  static override async load(directory: string, embeddings: EmbeddingsInterface): Promise<HnswLibRecipe> {
    const args = JSON.parse(await readFile(join(directory, 'args.json'), 'utf8')) as Args;
    const index = new HierarchicalNSW(args.space, args.numDimensions);
    const [entries] = await Promise.all([
      readFile(join(directory, 'docstore.json'), 'utf8').then((text) => JSON.parse(text) as [string, Document][]),
      index.readIndex(join(directory, 'hnswlib.index')),
    ]);
    // Like HNSWLib.load: the parsed objects go into the docstore as they are.
    return new HnswLibRecipe(embeddings, args, index, new Map(entries));
  }
}
