import { describe, expect, it } from 'vitest';
import { findSentences } from '../../../ingest/text/findSentences.js';

const sentencesOf = (text: string, language: string) => findSentences(text, language).map((s) => text.slice(s.start, s.end));

describe('findSentences', () => {
  it('GIVEN Arabic with a question mark and a full stop THEN splits after "؟" and "."', () => {
    const text = 'هل وصلت القوات الروسية إلى النيجر؟ نعم، وصلت في أبريل. وأكد البنتاغون ذلك.';
    expect(sentencesOf(text, 'ar')).toEqual(['هل وصلت القوات الروسية إلى النيجر؟', 'نعم، وصلت في أبريل.', 'وأكد البنتاغون ذلك.']);
  });

  it('GIVEN Indonesian with thousands separators and quotes THEN does not split inside them', () => {
    const text = 'Prancis memiliki 1.500 tentara di Niger. "Fokus diskusi ini adalah pertahanan," ujar Kementerian. Semua diminta pergi.';
    expect(sentencesOf(text, 'id')).toEqual([
      'Prancis memiliki 1.500 tentara di Niger.',
      '"Fokus diskusi ini adalah pertahanan," ujar Kementerian.',
      'Semua diminta pergi.',
    ]);
  });
});
