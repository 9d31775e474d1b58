import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cp as copyFolder, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runExport } from '../../../../electron/services/export/export';
import { importEntities } from '../../../../electron/services/export/import-entities';
import { ENTITY_READERS } from '../../../../electron/services/export/import-readers';
import { openPage } from '../../../../electron/services/page/open-page';
import { savePage } from '../../../../electron/services/page/save-page';
import type { EntityImportFormat } from '../../../../shared/export/format-ids';
import { DEFAULT_EXPORT_OPTIONS } from '../../../../shared/export/types';
import type { EntitySpan } from '../../../../shared/model/sidecar-schema';
import { makeTempCorpus, type TempCorpus } from '../../services/temp-corpus';

let corpus: TempCorpus;
let work: string;
beforeEach(async () => {
  corpus = await makeTempCorpus();
  work = await mkdtemp(path.join(tmpdir(), 'jiaodui-round-trip-'));
});
afterEach(async () => {
  await corpus.remove();
  await rm(work, { recursive: true, force: true });
});

const cpOf = (text: string, sub: string) => Array.from(text.slice(0, text.indexOf(sub))).length;
const span = (text: string, sub: string, type: string, id: string): EntitySpan => ({ id, start: cpOf(text, sub), end: cpOf(text, sub) + Array.from(sub).length, type, text: sub });

async function save(root: string, rel: string, change: (t: string) => string, entities: (t: string) => EntitySpan[]) {
  const page = await openPage(root, rel);
  if (!page.ok) throw new Error(page.error.message);
  const text = change(page.value.text);
  const saved = await savePage(root, { path: rel, text, status: 'reviewed', entities: entities(text), sourceSha256: page.value.sha256, expectedSidecarHash: page.value.sidecarHash }, '0.1.0');
  if (!saved.ok) throw new Error(saved.error.message);
}

const spansOf = async (root: string, rel: string) =>
  (JSON.parse(await readFile(path.join(root, ...`${rel}.jiaodui.json`.split('/')), 'utf8')).entities as EntitySpan[]).map(({ start, end, type, text }) => ({ start, end, type, text }));

// Where each format's export lands, for import-entities to read back.
const IMPORT_FROM: Record<EntityImportFormat, string> = { doccano: 'doccano.jsonl', 'label-studio': 'label-studio-tasks.json', brat: 'brat' };

describe.each(['doccano', 'label-studio', 'brat'] as const)('round trip through %s', (format) => {
  it('export, then import into a fresh copy of the corpus, gives identical spans (𠮷 before, inside, after; nested)', async () => {
    await corpus.put('1950/p1.txt', '𠮷人民曰报讯：张𠮷三在北京\n会见了上海代表团𠮷。\n');
    await corpus.put('p2.txt', '𠮷李四和王五\n');
    await save(corpus.root, '1950/p1.txt', (t) => t.replace('曰', '日'), (t) => [span(t, '张𠮷三', 'PER', 'a'), span(t, '北京', 'LOC', 'b'), span(t, '上海代表团𠮷', 'ORG', 'c'), span(t, '上海', 'LOC', 'd')]);
    await save(corpus.root, 'p2.txt', (t) => t, (t) => [span(t, '李四', 'PER', 'e'), span(t, '王五', 'PER', 'f')]);
    const out = path.join(work, 'out');
    const exported = await runExport(corpus.root, { formats: [format], scope: { kind: 'all' }, options: DEFAULT_EXPORT_OPTIONS }, out, { appVersion: '0.1.0' });
    expect(exported.ok && exported.value.problems).toEqual([]);
    const copy = path.join(work, 'copy');
    await copyFolder(corpus.root, copy, { recursive: true });
    for (const rel of ['1950/p1.txt', 'p2.txt']) await save(copy, rel, (t) => t, () => []);
    const imported = await importEntities(copy, ENTITY_READERS[format]!, path.join(out, IMPORT_FROM[format]), { appVersion: '0.1.0' });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.problems).toEqual([]);
    expect(imported.value.written).toEqual(['1950/p1.txt', 'p2.txt']);
    for (const rel of ['1950/p1.txt', 'p2.txt']) expect(await spansOf(copy, rel)).toEqual(await spansOf(corpus.root, rel));
  });
});
