import { describe, expect, it } from 'vitest';
import { findPageChrome, isCopyrightLine } from '../../../../ingest/pipeline/parse/findPageChrome.js';

const words = (n: number, first = 'kata') => [first, ...Array.from({ length: n - 1 }, (_, i) => `kata${i}`)].join(' ');
const reasons = (blocks: string[], textDump = false) => findPageChrome(blocks, { textDump });

describe('findPageChrome line rules', () => {
  it('GIVEN copyright lines of 25 and of 26 words THEN only the shorter is a footer, however the words are spaced', () => {
    expect(isCopyrightLine(`© 2024 ${words(23)}`)).toBe(true);
    expect(isCopyrightLine(`  ©\t2024\n${words(23).replaceAll(' ', '   ')}  `)).toBe(true);
    expect(isCopyrightLine(`© 2024 ${words(24)}`)).toBe(false);
    expect(reasons([`Hak cipta ${words(23)}`, `Hak cipta ${words(24)}`])).toEqual(['copyright footer', null]);
  });

  it('GIVEN bylines of 8 and of 9 words THEN only the shorter is a byline', () => {
    expect(reasons([`Oleh ${words(7, 'Budi')}`, `Oleh ${words(8, 'Budi')}`])).toEqual(['byline', null]);
  });

  it('GIVEN lines of links, embeds and prose naming an address THEN only the link and embed lines are chrome', () => {
    expect(
      reasons([
        'https://www.example.com/world/africa/niger-2023',
        'IFRAME: https://www.youtube.com/embed/abc123',
        '[IMG]',
        '(BUTTON) Search',
        '12. www.example.com/a',
        'Kementerian menulis di https://example.com bahwa kerja sama dengan Uni Eropa berakhir pada 4 Desember.',
        'Kementerian menulis bahwa kerja sama dengan Uni Eropa berakhir pada 4 Desember.',
      ]),
    ).toEqual([...Array<string>(5).fill('link or embed line'), null, null]);
  });

  it('GIVEN a text dump with a run of short lines THEN the run is a menu and the paragraph after it is not', () => {
    expect(reasons(['Beranda', 'Dunia', 'Afrika', words(30)], true)).toEqual([
      'menu (a run of short lines)',
      'menu (a run of short lines)',
      'menu (a run of short lines)',
      null,
    ]);
  });
});
