import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../../../ingest/embed/createEmbedder.js';
import { runIngest } from '../../../../ingest/pipeline/runIngest.js';
import { loadIndex } from '../../../../retrieval/open/loadIndex.js';
import { encodeLegacy } from '../../../helpers/encodeLegacy.js';
import { createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../../helpers/tempWorkspace.js';

const ARABIC_TITLE = 'النيجر تتسلم أنظمة دفاع جوي روسية حديثة';
const ARABIC_PAGE = `${ARABIC_TITLE}\n\nموقع الدفاع العربي 5 مايو 2024\n\n${'أكد التلفزيون النيجري الرسمي وصول مدربين عسكريين وأنظمة دفاع جوي روسية إلى البلاد، مما يشير إلى تحول ملحوظ في شراكات الدفاع النيجرية. '.repeat(3)}\n`;
const CHINESE_TITLE = '俄罗斯防空系统抵达尼日尔';
const CHINESE_PAGE = `<html lang="zh"><head><meta charset="gbk"><title>${CHINESE_TITLE}</title></head><body><article><h1>${CHINESE_TITLE}</h1><p>${'尼日尔国家电视台证实，俄罗斯军事教官和防空系统已经抵达该国，这标志着尼日尔国防伙伴关系的显著转变。'.repeat(4)}</p></article></body></html>`;

describe('ingesting seeds in legacy charsets', () => {
  let ws: TempWorkspace;
  beforeEach(async () => {
    ws = await createTempWorkspace({ withSeeds: false });
    await mkdir(ws.config.seedsDir, { recursive: true });
  });
  afterEach(() => ws.cleanup());

  it('GIVEN a windows-1256 .txt and a GBK page THEN both are indexed with their own script, and the log says which charset each was read in', async () => {
    await writeFile(join(ws.config.seedsDir, 'arabic.txt'), encodeLegacy(ARABIC_PAGE, 'windows-1256'));
    await writeFile(join(ws.config.seedsDir, 'chinese.html'), encodeLegacy(CHINESE_PAGE, 'gbk'));
    const logger = createMemoryLogger();
    const report = await runIngest(ws.config, { embedder: createOfflineEmbedder(), logger, tty: false });

    expect(report.added).toEqual(['arabic.txt', 'chinese.html']);
    expect(logger.lines.find((l) => l.includes('read arabic.txt as'))).toMatch(
      /read arabic\.txt as windows-1256 \(detected; confidence \d+ %\)/,
    );
    expect(logger.lines.find((l) => l.includes('read chinese.html as'))).toContain('read chinese.html as gbk (<meta charset>)');
    const index = await loadIndex(ws.config, createOfflineEmbedder());
    expect(index.store.sources.get('arabic.txt')).toMatchObject({ title: ARABIC_TITLE, published: '2024-05-05', language: 'ar' });
    expect(index.store.sources.get('chinese.html')).toMatchObject({ title: CHINESE_TITLE, language: 'zh' });
  });
});
