import { describe, expect, it } from 'vitest';
import { resolveFollowUp } from '../../../retrieval/answer/resolveFollowUp.js';

const FLAGSHIP = 'when did Niger end EU cooperation?';

describe('resolveFollowUp', () => {
  it.each([
    ['a name the follow-up gives replaces the last one', [FLAGSHIP], 'and when did the US one end?', ['Niger', 'US cooperation']],
    ['a pronoun carries the whole subject', [FLAGSHIP], 'who led it?', ['Niger', 'EU cooperation']],
    ['"what about X" replaces the name', ['How many French troops were in Niger?'], 'what about Mali?', ['French troops', 'Mali']],
    [
      'an Indonesian follow-up carries the subject',
      ['Kapan Niger mengakhiri kerja sama dengan Uni Eropa?'],
      'dan siapa yang memimpinnya?',
      ['Niger mengakhiri kerja sama', 'Uni Eropa'],
    ],
    [
      'an Arabic follow-up opened by و carries the subject',
      ['متى أنهت النيجر التعاون مع فرنسا؟'],
      'ومتى انتهى مع الولايات المتحدة؟',
      ['أنهت', 'النيجر التعاون', 'الولايات المتحدة'],
    ],
    [
      'a chain reads each follow-up with the one before',
      [FLAGSHIP, 'and when did the US one end?'],
      'who led it?',
      ['Niger', 'US cooperation'],
    ],
  ])('GIVEN %s THEN it is understood as about the carried subject', (_situation, earlier, question, about) => {
    const resolved = resolveFollowUp(question, earlier);
    expect(resolved.about).toEqual(about);
    expect(resolved.search.startsWith(question)).toBe(true);
    for (const phrase of about) expect(resolved.search).toContain(phrase);
  });

  it.each([
    ['no earlier question', [], 'who led it?'],
    ['a question that stands on its own', [FLAGSHIP], 'How many French troops were in Niger?'],
    ['a "who is the X Y?" naming its own subject', ['How many French troops were in Niger?'], 'Who is the Kremlin spokesman?'],
  ])('GIVEN %s THEN the question is searched as it is', (_situation, earlier, question) => {
    expect(resolveFollowUp(question, earlier)).toEqual({ search: question, about: null });
  });
});
