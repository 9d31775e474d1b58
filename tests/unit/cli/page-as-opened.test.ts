import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { appStateFile } from '../../../electron/cli/app-state-location';
import { readPageAsOpened } from '../../../electron/cli/page-as-opened';
import { openPage } from '../../../electron/services/page/open-page';
import { savePage } from '../../../electron/services/page/save-page';
import { makeTempCorpus, type TempCorpus } from '../services/temp-corpus';

let corpus: TempCorpus;
beforeEach(async () => {
  corpus = await makeTempCorpus();
});
afterEach(() => corpus.remove());

describe('readPageAsOpened', () => {
  it('gives the corrected text, spans and rejections the app would open, offsets in code points', async () => {
    const abs = await corpus.put('a/p.txt', '张𠮷三到北凉开会。\r\n');
    const page = await openPage(corpus.root, 'a/p.txt');
    if (!page.ok) throw new Error(page.error.message);
    const text = page.value.text.replace('北凉', '北京');
    const saved = await savePage(
      corpus.root,
      {
        path: 'a/p.txt',
        text,
        status: 'in-progress',
        entities: [{ id: 'e1', start: 0, end: 3, type: 'PER', text: '张𠮷三' }],
        rejectedEntities: [{ text: '北京', type: 'ORG', start: 4, end: 6 }],
        sourceSha256: page.value.sha256,
        expectedSidecarHash: page.value.sidecarHash,
      },
      '0.1.0',
    );
    if (!saved.ok) throw new Error(saved.error.message);

    const opened = await readPageAsOpened(corpus.root, abs);
    expect(opened.ok && opened.value).toMatchObject({
      rel: 'a/p.txt',
      text: '张𠮷三到北京开会。\n',
      entities: [{ start: 0, end: 3, type: 'PER' }],
      rejectedEntities: [{ text: '北京', type: 'ORG', start: 4, end: 6 }],
      sidecarProblem: null,
    });
  });

  it('gives the original when there is no sidecar, and refuses a page outside the corpus', async () => {
    const abs = await corpus.put('p.txt', '原文𠮷');
    const opened = await readPageAsOpened(corpus.root, abs);
    expect(opened.ok && opened.value.text).toBe('原文𠮷');
    const other = await makeTempCorpus();
    try {
      const outside = await other.put('q.txt', 'x');
      const refused = await readPageAsOpened(corpus.root, outside);
      expect(!refused.ok && refused.error.code).toBe('outside-corpus');
    } finally {
      await other.remove();
    }
  });
});

describe('appStateFile', () => {
  it('finds the state file where Electron keeps userData on each platform, or where JIAODUI_STATE_FILE says', () => {
    expect(appStateFile({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(path.join('/x', 'Jiaodui', 'state.json'));
    expect(appStateFile({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\a\\AppData\\Roaming', 'Jiaodui', 'state.json'));
    expect(appStateFile({}, 'darwin')).toMatch(/Library[\\/]Application Support[\\/]Jiaodui[\\/]state\.json$/);
    expect(appStateFile({ JIAODUI_STATE_FILE: '/t/s.json', XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(path.resolve('/t/s.json'));
  });
});
