// A layout page without a sidecar opens with the entity tags its file carries; the first save keeps them; once a
// sidecar exists it wins (an editor who removed the tags does not get them back).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPage } from '../../../electron/services/page/open-page';
import { savePage } from '../../../electron/services/page/save-page';
import type { PageData, SaveRequest } from '../../../shared/ipc/contract';
import { makeTempCorpus, type TempCorpus } from './temp-corpus';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/layout');
let corpus: TempCorpus;
beforeEach(async () => {
  corpus = await makeTempCorpus();
});
afterEach(async () => {
  await corpus.remove();
});

async function openOk(rel: string): Promise<PageData> {
  const r = await openPage(corpus.root, rel);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function requestFor(page: PageData, patch: Partial<SaveRequest> = {}): SaveRequest {
  return { path: page.path, text: page.text, status: page.status, entities: page.entities, sourceSha256: page.sha256, expectedSidecarHash: page.sidecarHash, ...patch };
}

describe('layout entity tags when a page is opened', () => {
  it('ALTO NamedEntityTags become the entities of a page without a sidecar, and the first save keeps them', async () => {
    await corpus.put('scans/p.xml', readFileSync(path.join(fixtures, 'alto-tags.xml')));
    const page = await openOk('scans/p.xml');
    expect(page.sidecarHash).toBeNull();
    expect(page.entities.map((e) => [e.id, e.start, e.end, e.type, e.text])).toEqual([
      ['layout-1', 0, 3, 'PER', '王𠮷明'],
      ['layout-2', 5, 7, 'LOC', '北京'],
      ['layout-3', 9, 23, 'ORG', 'New York Times'],
      ['layout-4', 25, 31, 'ORG', '上海\n市政府'],
      ['layout-5', 32, 34, 'ship', '致远'],
      ['layout-6', 34, 35, 'Work', '号'],
      ['layout-7', 37, 40, 'PER', '王𠮷明'],
    ]);
    const saved = await savePage(corpus.root, requestFor(page, { text: page.text.replace('访问', '访向') }), '0.1.0');
    expect(saved.ok).toBe(true);
    const reopened = await openOk('scans/p.xml');
    expect(reopened.entities).toEqual(page.entities);
    expect(reopened.text).toContain('访向');
  });

  it('a sidecar wins: tags removed by the editor stay removed', async () => {
    await corpus.put('t.xml', readFileSync(path.join(fixtures, 'page-transkribus-tags.xml')));
    const page = await openOk('t.xml');
    expect(page.entities.map((e) => e.text)).toEqual(['王𠮷明', '北京', '中华民国二十五年五月', '上海\n商务印书馆', '𠮷林', '《呐喊》']);
    const saved = await savePage(corpus.root, requestFor(page, { entities: page.entities.slice(0, 1) }), '0.1.0');
    expect(saved.ok).toBe(true);
    expect((await openOk('t.xml')).entities.map((e) => e.text)).toEqual(['王𠮷明']);
  });

  it('a plain text page has no layout entities', async () => {
    await corpus.put('a.txt', '王𠮷明访问北京');
    expect((await openOk('a.txt')).entities).toEqual([]);
  });
});
