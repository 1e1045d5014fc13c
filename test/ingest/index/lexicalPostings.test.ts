import { describe, expect, it } from 'vitest';
import { NewsdeskError } from '../../../ingest/core/errors.js';
import { LexicalPostings, TermDictionary } from '../../../ingest/index/lexicalPostings.js';
import { termsByLabel } from '../../helpers/termsByLabel.js';

/** Postings built from scratch for `passages` (label → terms), the way a fresh ingest builds them. */
function build(passages: Record<number, string[]>): LexicalPostings {
  const base = new LexicalPostings(
    new TermDictionary(),
    new Uint32Array(1),
    new Uint32Array(0),
    new Uint16Array(0),
    new Uint32Array(0),
    0,
    0,
  );
  const added = Object.entries(passages).map(([label, terms]) => ({
    label: Number(label),
    termIds: Uint32Array.from(terms, (t) => base.dictionary.add(t)),
  }));
  return base.merge(new Set(), added);
}

const comparable = (p: LexicalPostings) => ({
  passages: p.passageCount,
  totalLength: p.totalLength,
  terms: termsByLabel(p),
  lengths: [...p.lengths],
});

/** The file with its label limit lowered to `limit`, its lengths by label cut to match (they lie just before the varint postings). */
function withLabelLimit(encoded: Buffer, limit: number): Buffer {
  const cut = 4 * (encoded.readUInt32LE(16) - limit);
  const postingsAt = encoded.length - encoded.readUInt32LE(36);
  const damaged = Buffer.concat([encoded.subarray(0, postingsAt - cut), encoded.subarray(postingsAt)]);
  damaged.writeUInt32LE(limit, 16);
  return damaged;
}

describe('LexicalPostings', () => {
  const passages = { 0: ['niger', 'rusia', 'niger'], 1: ['eropa', 'niger'], 2: [], 3: ['rusia', 's300', 'rusia', 'rusia'] };

  it('GIVEN passages THEN each term lists the passages holding it in label order, with counts and lengths', () => {
    const postings = build(passages);
    const id = postings.termId('niger');
    expect([...postings.labels.subarray(postings.offsets[id]!, postings.offsets[id + 1]!)]).toEqual([0, 1]);
    expect([...postings.counts.subarray(postings.offsets[id]!, postings.offsets[id + 1]!)]).toEqual([2, 1]);
    expect(postings.documentFrequency(postings.termId('rusia'))).toBe(2);
    expect(postings.termId('absent')).toBe(-1);
    expect(postings).toMatchObject({ passageCount: 4, totalLength: 9 });
    expect([...postings.lengths]).toEqual([3, 2, 0, 4]);
  });

  it('GIVEN encoded postings THEN decoding gives them back, from any byte offset', () => {
    const postings = build(passages);
    const encoded = postings.encode();
    const unaligned = Buffer.concat([Buffer.from([7]), encoded]).subarray(1);
    for (const buffer of [encoded, unaligned])
      expect(comparable(LexicalPostings.decode(buffer, 'postings.bin'))).toEqual(comparable(postings));
  });

  it('GIVEN passages removed and added THEN the merge equals postings built from scratch for what remains', () => {
    const before = LexicalPostings.decode(build(passages).encode(), 'postings.bin');
    const added = [{ label: 5, termIds: Uint32Array.from(['niger', 'wagner'], (t) => before.dictionary.add(t)) }];
    const merged = before.merge(new Set([0, 3]), added);
    const expected = build({ 1: passages[1], 2: [], 5: ['niger', 'wagner'] });
    expect(termsByLabel(merged)).toEqual(termsByLabel(expected));
    expect(merged).toMatchObject({ passageCount: 3, totalLength: 4 });
    expect(merged.documentFrequency(merged.termId('rusia'))).toBe(0);
  });

  it.each([
    ['not a postings file', (b: Buffer) => b.fill(0, 0, 4), /not a postings file/],
    ['cut short', (b: Buffer) => b.subarray(0, b.length - 4), /bytes, its header describes/],
    ['a label beyond the passages', (b: Buffer) => withLabelLimit(b, 1), /names label 1, beyond 1/],
    ['its postings cut inside a number', (b: Buffer) => ((b[b.length - 1] = 0x80), b), /end inside a number/],
  ])('GIVEN a file %s THEN decoding it, or reading its postings, throws INDEX_DAMAGED naming it', (_what, damage, reason) => {
    const damaged = damage(Buffer.from(build(passages).encode()));
    const error = (() => {
      try {
        void LexicalPostings.decode(damaged, '/index/gen-1/postings.bin').labels;
      } catch (e) {
        return e as NewsdeskError;
      }
    })();
    expect(error).toBeInstanceOf(NewsdeskError);
    expect(error!.code).toBe('INDEX_DAMAGED');
    expect(error!.message).toContain('/index/gen-1/postings.bin');
    expect(error!.message).toMatch(reason);
  });

  it('GIVEN one term run naming a label beyond the passages THEN the other terms read, and asking for that one throws naming the file', () => {
    const decoded = LexicalPostings.decode(withLabelLimit(Buffer.from(build(passages).encode()), 3), '/index/gen-1/postings.bin');
    const run = (term: string) => {
      const id = decoded.termId(term);
      const { labels, counts } = decoded.run(id);
      return [
        [...labels.subarray(decoded.offsets[id]!, decoded.offsets[id + 1]!)],
        [...counts.subarray(decoded.offsets[id]!, decoded.offsets[id + 1]!)],
      ];
    };
    expect(run('niger')).toEqual([
      [0, 1],
      [2, 1],
    ]);
    expect(run('eropa')).toEqual([[1], [1]]);
    expect(() => run('rusia')).toThrow(/postings\.bin.*names label 3, beyond 3/s);
  });
});
