import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { decodePageBytes } from '../../../electron/services/encoding';
import { scanCorpus } from '../../../electron/services/corpus-scan';
import { openPage } from '../../../electron/services/open-page';
import { savePage } from '../../../electron/services/save-page';
import { exportCorpus } from '../../../electron/services/export';
import { makeTempCorpus, type TempCorpus } from './temp-corpus';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus');
const scansDir = path.resolve(repoRoot, '../shared/samples/scans');

let corpus: TempCorpus;
beforeEach(async () => {
  corpus = await makeTempCorpus();
});
afterEach(async () => {
  await corpus.remove();
});

describe('the services on the real OCR material', () => {
  it('decodes the real newspaper pages as UTF-8, and again without loss when re-encoded in GB18030', async () => {
    for (const name of await readdir(corpusDir)) {
      const bytes = await readFile(path.join(corpusDir, name));
      const utf8 = decodePageBytes(bytes);
      expect(utf8.kind === 'text' && utf8.encoding.name).toBe('UTF-8');
      const text = utf8.kind === 'text' ? utf8.text : '';
      const gb = decodePageBytes(iconv.encode(text, 'gb18030'));
      expect(gb.kind === 'text' && gb.encoding.name).toBe('GB18030');
      expect(gb.kind === 'text' && gb.text).toBe(text);
    }
  });

  it('groups the sample scans with their hOCR and ALTO files and round-trips a correction', async () => {
    for (const name of await readdir(scansDir)) await copyFile(path.join(scansDir, name), path.join(corpus.root, name));
    const scan = await scanCorpus(corpus.root);
    if (!scan.ok) throw new Error(scan.error.message);
    expect(scan.value.pages.map((p) => [p.path, p.companions])).toEqual([
      ['heating-supply.txt', ['heating-supply.hocr', 'heating-supply.jpg', 'heating-supply.xml']],
      ['pharmacy-supply.txt', ['pharmacy-supply.hocr', 'pharmacy-supply.jpg', 'pharmacy-supply.xml']],
    ]);

    const page = await openPage(corpus.root, 'heating-supply.txt');
    if (!page.ok) throw new Error(page.error.message);
    const before = await corpus.read('heating-supply.txt');
    const chars = Array.from(page.value.text);
    const at = chars.findIndex((c) => /\p{Script=Han}/u.test(c));
    chars[at] = '校';
    const saved = await savePage(
      corpus.root,
      { path: 'heating-supply.txt', text: chars.join(''), status: 'in-progress', entities: [], sourceSha256: page.value.sha256, expectedSidecarHash: null },
      '0.1.0',
    );
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.corrections).toHaveLength(1);
    expect(saved.value.corrections[0]!.start).toBe(at);
    expect((await corpus.read('heating-supply.txt')).equals(before)).toBe(true);

    const out = path.join(corpus.root + '-export');
    const exported = await exportCorpus(corpus.root, ['heating-supply.txt'], out);
    expect(exported.ok && exported.value.written).toBe(1);
    expect(await readFile(path.join(out, 'heating-supply.txt'), 'utf8')).toBe(chars.join(''));
    await (await import('node:fs/promises')).rm(out, { recursive: true, force: true });
  });
});
