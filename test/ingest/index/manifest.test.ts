import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sourceRecordSchema, sourceTableSchema } from '../../../ingest/index/manifest.js';

const record = {
  hash: 'a'.repeat(64),
  title: 'Niger mengakhiri misi Uni Eropa',
  publisher: 'Công Luận',
  site: null,
  published: '2023-12-05',
  url: 'https://congluan.vn/niger',
  language: 'id',
  passageCount: 3,
  firstLabel: 0,
  ingestedAt: '2026-12-02T03:00:00.000Z',
  stat: '4646:1:1',
};

/** Each field made wrong in each way zod could be asked about, and optional fields left out. */
const variants: [string, Record<string, unknown>][] = [
  ['as written', record],
  ['without its optional fields', { ...record, firstLabel: undefined, stat: undefined }],
  ...Object.keys(record).flatMap((field): [string, Record<string, unknown>][] => [
    [`${field} missing`, Object.fromEntries(Object.entries(record).filter(([k]) => k !== field))],
    [`${field} null`, { ...record, [field]: null }],
    [`${field} a number`, { ...record, [field]: 1.5 }],
    [`${field} a string`, { ...record, [field]: 'x' }],
    [`${field} negative`, { ...record, [field]: -1 }],
  ]),
];

describe('sourceTableSchema', () => {
  it.each(variants)('GIVEN an article record %s THEN it is accepted exactly when sourceRecordSchema accepts it', (_what, variant) => {
    const table = { 'id/niger.md': variant };
    expect(sourceTableSchema.safeParse(table).success).toBe(z.record(z.string(), sourceRecordSchema).safeParse(table).success);
  });

  it('GIVEN one bad record among good ones THEN the error names its article and field', () => {
    const parsed = sourceTableSchema.safeParse({ 'id/a.md': record, 'ar/b.md': { ...record, passageCount: -2 } });
    expect(parsed.success).toBe(false);
    expect(z.prettifyError(parsed.error!)).toMatch(/ar\/b\.md.*passageCount/s);
  });

  it('GIVEN something not an object of records THEN it is rejected', () => {
    expect(sourceTableSchema.safeParse([record]).success).toBe(false);
    expect(sourceTableSchema.safeParse({ 'id/a.md': 'record' }).success).toBe(false);
  });

  it('GIVEN good records THEN they come back as they are', () => {
    const table = { 'id/a.md': record, 'ar/b.md': { ...record, firstLabel: undefined } };
    expect(sourceTableSchema.parse(table)).toEqual(table);
  });
});
