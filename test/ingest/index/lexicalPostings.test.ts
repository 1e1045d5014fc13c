import { describe, expect, it } from 'vitest';
import { NewsdeskError } from '../../../ingest/core/errors.js';
import { LexicalPostings } from '../../../ingest/index/lexicalPostings.js';
import { termsByLabel } from '../../helpers/termsByLabel.js';

/** Postings built from scratch for `passages` (label → terms), the way a fresh ingest builds them. */
function build(passages: Record<number, string[]>): LexicalPostings {
  const base = LexicalPostings.empty();
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
    const { labels, counts, start, end } = postings.run(postings.termId('niger'));
    expect([...labels.subarray(start, end)]).toEqual([0, 1]);
    expect([...counts.subarray(start, end)]).toEqual([2, 1]);
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
        LexicalPostings.decode(damaged, '/index/gen-1/postings.bin').all();
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
      const { labels, counts, start, end } = decoded.run(decoded.termId(term));
      return [[...labels.subarray(start, end)], [...counts.subarray(start, end)]];
    };
    expect(run('niger')).toEqual([
      [0, 1],
      [2, 1],
    ]);
    expect(run('eropa')).toEqual([[1], [1]]);
    expect(() => run('rusia')).toThrow(/postings\.bin.*names label 3, beyond 3/s);
  });

  it('GIVEN postings merged with changes THEN each term asked for alone equals the same term after merging all', () => {
    const before = LexicalPostings.decode(build(passages).encode(), 'postings.bin');
    const added = [{ label: 6, termIds: Uint32Array.from(['rusia', 'wagner', 'rusia'], (t) => before.dictionary.add(t)) }];
    const termwise = before.merge(new Set([3]), added);
    const whole = before.merge(new Set([3]), added);
    whole.all();
    for (const term of ['niger', 'rusia', 'eropa', 's300', 'wagner']) {
      const id = termwise.termId(term);
      const [a, b] = [termwise.run(id), whole.run(id)];
      expect([[...a.labels.subarray(a.start, a.end)], [...a.counts.subarray(a.start, a.end)]]).toEqual([
        [...b.labels.subarray(b.start, b.end)],
        [...b.counts.subarray(b.start, b.end)],
      ]);
      expect(termwise.documentFrequency(id)).toBe(a.end - a.start);
    }
    const rusia = termwise.run(termwise.termId('rusia'));
    expect([...rusia.labels.subarray(rusia.start, rusia.end)]).toEqual([0, 6]);
    expect([...rusia.counts.subarray(rusia.start, rusia.end)]).toEqual([1, 2]);
    expect(termwise.documentFrequency(termwise.termId('s300'))).toBe(0);
  });

  describe('GIVEN more terms than one stride of the run-start table', () => {
    // 300 terms over 40 passages, term t in the passages p with (p + t) % 7 < 3, t % 4 + 1 times: runs of differing lengths.
    const many: Record<number, string[]> = {};
    for (let p = 0; p < 40; p++)
      many[p] = Array.from({ length: 300 }, (_, t) => t).flatMap((t) => ((p + t) % 7 < 3 ? Array<string>((t % 4) + 1).fill(`t${t}`) : []));
    const encoded = build(many).encode();
    const runOf = (postings: LexicalPostings, term: string) => {
      const { labels, counts, start, end } = postings.run(postings.termId(term));
      return [[...labels.subarray(start, end)], [...counts.subarray(start, end)]];
    };

    it('THEN each term read alone, last first, equals the same term after decoding all', () => {
      const alone = LexicalPostings.decode(encoded, 'postings.bin');
      const whole = LexicalPostings.decode(encoded, 'postings.bin');
      whole.all();
      for (let t = 299; t >= 0; t -= 7) expect(runOf(alone, `t${t}`)).toEqual(runOf(whole, `t${t}`));
      expect(comparable(alone)).toEqual(comparable(build(many)));
    });

    it('THEN a run start moved by one byte is reported naming the file, for the term it starts and when decoding all', () => {
      const damaged = Buffer.from(encoded);
      // The run-start table lies just before the lengths by label, which lie just before the varints.
      const startsAt = damaged.length - damaged.readUInt32LE(36) - 4 * damaged.readUInt32LE(16) - 4 * (Math.ceil(300 / 64) + 1);
      damaged.writeUInt32LE(damaged.readUInt32LE(startsAt + 8) + 1, startsAt + 8);
      const decoded = LexicalPostings.decode(damaged, '/index/gen-1/postings.bin');
      // Every varint here is one byte: the block's runs, walked from one byte on, end one number past the next recorded start.
      expect(() => decoded.run(130)).toThrow(/postings\.bin.*the runs of terms 128-191 do not end where the next one starts/s);
      expect(runOf(decoded, decoded.dictionary.terms[0]!)).toEqual(runOf(build(many), decoded.dictionary.terms[0]!));
      expect(() => LexicalPostings.decode(damaged, '/index/gen-1/postings.bin').all()).toThrow(
        /postings\.bin.*term 128's postings do not start/s,
      );
    });
  });
});
