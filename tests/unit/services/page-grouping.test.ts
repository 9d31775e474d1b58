import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanCorpus } from '../../../electron/services/corpus/corpus-scan';
import { openPage } from '../../../electron/services/page/open-page';
import { choosePages, sniffLayoutFormat, type GroupFile } from '../../../electron/services/corpus/page-grouping';
import { corpusFile } from '../../../electron/services/disk/confined-fs';

// Sniffs a file written by corpus.put (its absolute path), named as the corpus names it.
async function sniffAt(abs: string) {
  const file = await corpusFile(path.dirname(abs), path.basename(abs));
  if (!file.ok) throw new Error(file.error.message);
  return sniffLayoutFormat(file.value);
}
import { savePage } from '../../../electron/services/page/save-page';
import { makeTempCorpus, type TempCorpus } from './temp-corpus';

const HOCR = "<html><head><meta name='ocr-system' content='tesseract'/></head><body><div class='ocr_page' title='image \"p.jpg\"; bbox 0 0 100 100'><span class='ocr_line' title='bbox 0 0 50 10'>版面𠮷</span><span class='ocr_line' title='bbox 0 20 50 30'>第二行</span></div></body></html>";
const ALTO = `<?xml version="1.0" encoding="UTF-8"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout><Page WIDTH="100" HEIGHT="100"><PrintSpace>
<TextBlock><TextLine HPOS="0" VPOS="0" WIDTH="50" HEIGHT="10"><String CONTENT="阿尔托" HPOS="0" VPOS="0" WIDTH="50" HEIGHT="10" WC="0.9"/></TextLine></TextBlock>
</PrintSpace></Page></Layout></alto>`;
const PAGE_XML = `<?xml version="1.0" encoding="UTF-8"?><PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><Page imageFilename="p.jpg" imageWidth="100" imageHeight="100">
<TextRegion id="r1"><Coords points="0,0 50,0 50,10 0,10"/><TextLine id="l1"><Coords points="0,0 50,0 50,10 0,10"/><TextEquiv><Unicode>页面</Unicode></TextEquiv></TextLine></TextRegion>
</Page></PcGts>`;

const file = (name: string, layout: GroupFile['layout'] = null): GroupFile => ({ name, layout });

describe('choosePages', () => {
  const all = [file('p.txt'), file('p.hocr', 'hocr'), file('p.xml', 'alto'), file('p.jpg')];

  it('takes PAGE XML over ALTO over hOCR, and the layout file over the .txt by default', () => {
    expect(choosePages(all, 'layout')).toEqual([{ page: 'p.xml', source: 'alto', companions: ['p.txt', 'p.hocr', 'p.jpg'] }]);
    expect(choosePages([...all, file('p.page.xml', 'page-xml')].slice(1), 'layout')[0]).toMatchObject({ page: 'p.page.xml', source: 'page-xml' });
    expect(choosePages([file('p.hocr', 'hocr'), file('p.html', 'hocr')], 'layout')[0]!.page).toBe('p.hocr');
  });

  it('takes the .txt when the corpus says so, and a layout file when there is no .txt', () => {
    expect(choosePages(all, 'text')).toEqual([{ page: 'p.txt', source: 'text', companions: ['p.hocr', 'p.xml', 'p.jpg'] }]);
    expect(choosePages([file('p.hocr', 'hocr'), file('p.jpg')], 'text')).toEqual([{ page: 'p.hocr', source: 'hocr', companions: ['p.jpg'] }]);
  });

  it('makes no page of images alone, nor of XML that is not a layout format', () => {
    expect(choosePages([file('p.jpg'), file('p.xml')], 'layout')).toEqual([]);
    expect(choosePages([file('p.txt'), file('p.xml')], 'layout')).toEqual([{ page: 'p.txt', source: 'text', companions: ['p.xml'] }]);
  });
});

let corpus: TempCorpus;
beforeEach(async () => {
  corpus = await makeTempCorpus();
});
afterEach(async () => {
  await corpus.remove();
});

describe('layout files as pages', () => {
  it('recognises the format from the head of the file only', async () => {
    expect(await sniffAt(await corpus.put('a.hocr', HOCR))).toBe('hocr');
    expect(await sniffAt(await corpus.put('a.xml', ALTO))).toBe('alto');
    expect(await sniffAt(await corpus.put('b.xml', PAGE_XML))).toBe('page-xml');
    expect(await sniffAt(await corpus.put('c.xml', '<catalogue/>'))).toBeNull();
    expect(await sniffAt(await corpus.put('d.html', '<html><body>a web page</body></html>'))).toBeNull();
    expect(await sniffAt(await corpus.put('e.hocr', ''))).toBeNull();
  });

  it('lists and opens a page that has only a layout file, and saves its sidecar under the layout file name', async () => {
    await corpus.put('only/p.hocr', HOCR);
    await corpus.put('only/p.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]));
    await corpus.put('only/q.xml', PAGE_XML);
    await corpus.put('only/r.xml', '<catalogue/>');
    for (const textSource of ['layout', 'text'] as const) {
      const scan = await scanCorpus(corpus.root, { textSource });
      expect(scan.ok && scan.value.pages.map((p) => [p.path, p.source, p.companions])).toEqual([
        ['only/p.hocr', 'hocr', ['only/p.jpg']],
        ['only/q.xml', 'page-xml', []],
      ]);
    }
    const page = await openPage(corpus.root, 'only/p.hocr');
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value).toMatchObject({ originalText: '版面𠮷\n第二行', sourceFormat: 'hocr', lineEnding: 'LF' });
    expect(page.value.scan).toMatchObject({ layoutFile: 'only/p.hocr', image: 'only/p.jpg' });
    expect(page.value.scan?.lines.map((line) => line.textLine)).toEqual([0, 1]);

    const saved = await savePage(
      corpus.root,
      { path: 'only/p.hocr', text: '版面𠮷\n第二行。', status: 'reviewed', entities: [], sourceSha256: page.value.sha256, expectedSidecarHash: null },
      '0.1.0',
    );
    expect(saved.ok && saved.value.corrections).toEqual([{ start: 7, end: 7, original: '', corrected: '。' }]);
    const sidecar = JSON.parse((await corpus.read('only/p.hocr.jiaodui.json')).toString()) as { source: { format: string; file: string } };
    expect(sidecar.source).toMatchObject({ file: 'p.hocr', format: 'hocr' });
    expect((await corpus.read('only/p.hocr')).toString()).toBe(HOCR);

    const q = await openPage(corpus.root, 'only/q.xml');
    expect(q.ok && [q.value.sourceFormat, q.value.text]).toEqual(['page-xml', '页面']);
  });

  it('stores the line origins of a join and hands them back when the page is reopened', async () => {
    await corpus.put('p.hocr', HOCR);
    const page = await openPage(corpus.root, 'p.hocr');
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.lineOrigins).toBeUndefined();
    const saved = await savePage(
      corpus.root,
      { path: 'p.hocr', text: '版面𠮷第二行', status: 'in-progress', entities: [], sourceSha256: page.value.sha256, expectedSidecarHash: null },
      '0.1.0',
    );
    expect(saved.ok).toBe(true);
    const reopened = await openPage(corpus.root, 'p.hocr');
    expect(reopened.ok && reopened.value.lineOrigins).toEqual([[0, 1]]);
  });

  it('fails to open a malformed layout page with the file and place named', async () => {
    await corpus.put('bad.hocr', HOCR.replace('</span></div>', '</div>'));
    const page = await openPage(corpus.root, 'bad.hocr');
    expect(page.ok).toBe(false);
    if (!page.ok) expect(page.error.message).toMatch(/bad\.hocr.*line 1/);
  });
});
