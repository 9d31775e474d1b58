import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { decodePageBytes } from '../../../electron/services/page/encoding';
import { scanCorpus } from '../../../electron/services/corpus/corpus-scan';
import { openPage } from '../../../electron/services/page/open-page';
import { savePage } from '../../../electron/services/page/save-page';
import { runExport } from '../../../electron/services/export/export';
import { exportRequest } from './export-request';
import { importLayout } from '../../../shared/layout/detect';
import { makeTempCorpus, type TempCorpus } from './temp-corpus';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpusDir = path.resolve(repoRoot, 'tests/fixtures/corpus');
const scansDir = path.resolve(repoRoot, 'tests/fixtures/samples/scans');

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

  it('groups the sample scans with their hOCR and ALTO files and round-trips a correction (text source: .txt)', async () => {
    for (const name of await readdir(scansDir)) await copyFile(path.join(scansDir, name), path.join(corpus.root, name));
    await corpus.put('jiaodui.corpus.json', JSON.stringify({ format: 'jiaodui-corpus', version: 1, textSource: 'text' }));
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
    const exported = await runExport(corpus.root, exportRequest(['heating-supply.txt']), out, { appVersion: '0.1.0' });
    expect(exported.ok && exported.value.written).toBe(1);
    expect(await readFile(path.join(out, 'heating-supply.txt'), 'utf8')).toBe(chars.join(''));
    await (await import('node:fs/promises')).rm(out, { recursive: true, force: true });
  });

  it('by default takes the text from the ALTO file, saves and exports it as that source, and keeps the .txt sidecar', async () => {
    for (const name of await readdir(scansDir)) await copyFile(path.join(scansDir, name), path.join(corpus.root, name));
    const scan = await scanCorpus(corpus.root);
    if (!scan.ok) throw new Error(scan.error.message);
    expect(scan.value.pages.map((p) => [p.path, p.source, p.companions])).toEqual([
      ['heating-supply.xml', 'alto', ['heating-supply.hocr', 'heating-supply.jpg', 'heating-supply.txt']],
      ['pharmacy-supply.xml', 'alto', ['pharmacy-supply.hocr', 'pharmacy-supply.jpg', 'pharmacy-supply.txt']],
    ]);
    const alto = importLayout(await readFile(path.join(scansDir, 'heating-supply.xml'), 'utf8'), 'heating-supply.xml');
    if (!alto.ok) throw new Error(alto.error.message);

    // A sidecar saved earlier for the .txt stays as it is and is named in a notice.
    const txtSidecar = '{"not": "read"}';
    await corpus.put('heating-supply.txt.jiaodui.json', txtSidecar);
    const page = await openPage(corpus.root, 'heating-supply.xml', scan.value.pages[0]);
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.sourceFormat).toBe('alto');
    expect(page.value.originalText).toBe(alto.value.text);
    expect(page.value.scan?.layoutFile).toBe('heating-supply.xml');
    expect(page.value.scan?.image).toBe('heating-supply.jpg');
    expect(page.value.scan?.lines.map((line) => line.region)).toEqual(alto.value.lines.flatMap((line) => (line.region ? [line.region] : [])));
    expect(page.value.notices.map((n) => n.code)).toContain('other-source-sidecar');
    expect(page.value.notices.find((n) => n.code === 'other-source-sidecar')?.message).toContain('heating-supply.txt.jiaodui.json');

    const corrected = page.value.text.replace('朔州', '𠮷州');
    const saved = await savePage(
      corpus.root,
      { path: 'heating-supply.xml', text: corrected, status: 'in-progress', entities: [], sourceSha256: page.value.sha256, expectedSidecarHash: null },
      '0.1.0',
    );
    if (!saved.ok) throw new Error(saved.error.message);
    const sidecar = JSON.parse((await corpus.read('heating-supply.xml.jiaodui.json')).toString()) as { source: { file: string; format: string } };
    expect(sidecar.source).toMatchObject({ file: 'heating-supply.xml', format: 'alto', encoding: 'UTF-8', lineEnding: 'LF' });
    expect((await corpus.read('heating-supply.txt.jiaodui.json')).toString()).toBe(txtSidecar);

    const reopened = await openPage(corpus.root, 'heating-supply.xml');
    expect(reopened.ok && reopened.value.text).toBe(corrected);

    const out = path.join(corpus.root + '-export');
    const exported = await runExport(corpus.root, exportRequest(null), out, { appVersion: '0.1.0' });
    expect(exported.ok && exported.value.written).toBe(2);
    expect(await readFile(path.join(out, 'heating-supply.txt'), 'utf8')).toBe(corrected);
    expect((await readdir(out)).sort()).toEqual(['heating-supply.txt', 'pharmacy-supply.txt']);
    await (await import('node:fs/promises')).rm(out, { recursive: true, force: true });
  });
});
