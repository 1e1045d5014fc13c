import { describe, expect, it } from 'vitest';
import { decodeSeedText } from '../../../../ingest/pipeline/decode/decodeSeedText.js';
import { encodeLegacy } from '../../../helpers/encodeLegacy.js';

const ARABIC =
  'أكد التلفزيون النيجري الرسمي وصول مدربين عسكريين وأنظمة دفاع جوي روسية إلى البلاد، مما يشير إلى تحول ملحوظ في شراكات الدفاع النيجرية. ' +
  'وأظهرت لقطات بثها التلفزيون الحكومي طائرة روسية تهبط في مطار نيامي، وعلى متنها عسكريون ومعدات عسكرية لم يكشف عنها.';
const CHINESE =
  '俄罗斯军队和防空系统抵达尼日尔。尼日尔国家电视台证实，俄罗斯军事教官和防空系统已经抵达该国，这标志着尼日尔国防伙伴关系的显著转变。' +
  '电视台播放的画面显示，一架俄罗斯飞机降落在尼亚美机场，机上载有军事人员和未披露的军事装备。';
const ENGLISH =
  'The ministry said the “agreement” was over — a café owner in Niamey, José, said it’s “très bien”. ' +
  'Prices rose 5 % in the façade district, and the €20 fare doubled.';

const page = (head: string, body: string) => `<!doctype html><html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;

describe('decodeSeedText', () => {
  it('GIVEN the encoding tables the tests use THEN a few characters have the bytes their charsets give them', () => {
    expect([...encodeLegacy('中国', 'gbk')]).toEqual([0xd6, 0xd0, 0xb9, 0xfa]);
    expect([...encodeLegacy('العربي', 'windows-1256')]).toEqual([0xc7, 0xe1, 0xda, 0xd1, 0xc8, 0xed]);
    expect([...encodeLegacy('العربي', 'iso-8859-6')]).toEqual([0xc7, 0xe4, 0xd9, 0xd1, 0xc8, 0xea]);
    expect([...encodeLegacy('“é”', 'windows-1252')]).toEqual([0x93, 0xe9, 0x94]);
  });

  it.each([
    ['windows-1256', ARABIC],
    ['iso-8859-6', ARABIC],
    ['gbk', CHINESE],
    ['windows-1252', ENGLISH],
  ])('GIVEN %s text that declares nothing THEN it is detected and decoded exactly', (charset, text) => {
    const decoded = decodeSeedText(encodeLegacy(text, charset), '.txt');
    expect(decoded).toMatchObject({ ok: true, text, charset: { source: 'detected' } });
    // GBK is read by its superset's decoder.
    if (decoded.ok) expect(decoded.charset.name).toBe(charset === 'gbk' ? 'gb18030' : charset);
  });

  it.each([
    ['<meta charset="windows-1256">', 'windows-1256', '<meta charset>'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">', 'iso-8859-6', '<meta http-equiv>'],
    ['<meta charset=cp1256>', 'windows-1256', '<meta charset>'],
  ])('GIVEN an Arabic page declaring %s THEN it is decoded in the declared charset', (head, name, source) => {
    const html = page(head, ARABIC);
    const decoded = decodeSeedText(encodeLegacy(html, name), '.html');
    expect(decoded).toEqual({ ok: true, text: html, charset: { name, source } });
  });

  it('GIVEN an XHTML page in GBK with an XML declaration THEN the declaration decides', () => {
    const html = `<?xml version="1.0" encoding="GBK"?>\n${page('', CHINESE.slice(0, 12))}`;
    expect(decodeSeedText(encodeLegacy(html, 'gbk'), '.htm')).toEqual({
      ok: true,
      text: html,
      charset: { name: 'gbk', source: 'XML declaration' },
    });
  });

  it('GIVEN a page declaring windows-1256 whose bytes are UTF-8 (saved again by a scraper) THEN it is read as UTF-8, saying why', () => {
    const html = page('<meta charset="windows-1256">', ARABIC);
    expect(decodeSeedText(Buffer.from(html), '.html')).toEqual({
      ok: true,
      text: html,
      charset: { name: 'utf-8', source: 'valid UTF-8', note: 'declared windows-1256 (<meta charset>), but the bytes are UTF-8' },
    });
  });

  it('GIVEN a .txt that happens to contain a meta tag THEN markup declarations are not looked for', () => {
    const text = `<meta charset="utf-8"> ${ENGLISH}`;
    expect(decodeSeedText(encodeLegacy(text, 'windows-1252'), '.txt')).toMatchObject({
      ok: true,
      text,
      charset: { name: 'windows-1252', source: 'detected' },
    });
  });

  it('GIVEN a page declaring a charset no decoder knows THEN its bytes decide, and the note says so', () => {
    const html = page('<meta charset="x-klingon">', 'plain words');
    expect(decodeSeedText(Buffer.from(html), '.html')).toEqual({
      ok: true,
      text: html,
      charset: { name: 'utf-8', source: 'valid UTF-8', note: 'declared charset "x-klingon" (<meta charset>) is unknown' },
    });
  });

  it.each([
    ['utf-8', Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from(ARABIC)])],
    ['utf-16le', Buffer.from([0xff, 0xfe, ...Buffer.from(ARABIC, 'utf16le')])],
    ['utf-16be', Buffer.from([0xfe, 0xff, ...Buffer.from(ARABIC, 'utf16le').swap16()])],
  ])('GIVEN a %s byte-order mark THEN it decides the charset and is not part of the text', (name, bytes) => {
    expect(decodeSeedText(bytes, '.txt')).toEqual({ ok: true, text: ARABIC, charset: { name, source: 'BOM' } });
  });

  it('GIVEN valid UTF-8 THEN it is UTF-8, as before', () => {
    expect(decodeSeedText(Buffer.from(CHINESE), '.md')).toEqual({
      ok: true,
      text: CHINESE,
      charset: { name: 'utf-8', source: 'valid UTF-8' },
    });
  });

  it.each([
    ['NUL bytes', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]), 'binary file (contains NUL bytes)'],
    [
      'control characters',
      Buffer.from(Array.from({ length: 300 }, (_, i) => [0x01, 0x7f, 0xc8, 0x1b, 0xe9][i % 5]!)),
      'binary file (control characters)',
    ],
    [
      'UTF-8 with a few invalid bytes',
      Buffer.concat([Buffer.from(ARABIC.slice(0, 60)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(ARABIC.slice(60))]),
      'not valid UTF-8 text (a UTF-8 file with invalid bytes)',
    ],
  ])('GIVEN %s THEN the file is not text, saying why', (_situation, bytes, reason) => {
    expect(decodeSeedText(bytes, '.txt')).toEqual({ ok: false, reason });
  });
});
