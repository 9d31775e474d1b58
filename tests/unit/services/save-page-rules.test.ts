import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPage } from '../../../electron/services/page/open-page';
import { savePage } from '../../../electron/services/page/save-page';
import { parseSidecar } from '../../../shared/model/sidecar-io';
import { saveRequestSchema, type PageData, type SaveRequest } from '../../../shared/ipc/contract';
import type { Correction } from '../../../shared/model/sidecar-schema';
import { makeTempCorpus, type TempCorpus } from './temp-corpus';

const EXT_B = '𠮷';
const ORIGINAL = `人民曰报\n${EXT_B}己经来了\n`;
const CORRECTED = `人民日报\n${EXT_B}已经来了\n`;
const LOOK_ALIKE: Correction = { start: 6, end: 7, original: '己', corrected: '已', rule: 'look-alike' };
const TYPED: Correction = { start: 2, end: 3, original: '曰', corrected: '日' };

let corpus: TempCorpus;
beforeEach(async () => {
  corpus = await makeTempCorpus();
  await corpus.put('p.txt', ORIGINAL);
});
afterEach(async () => {
  await corpus.remove();
});

async function openOk(): Promise<PageData> {
  const r = await openPage(corpus.root, 'p.txt');
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function saveOk(page: PageData, patch: Partial<SaveRequest>): Promise<Correction[]> {
  const r = await savePage(corpus.root, { path: page.path, text: page.text, status: page.status, entities: page.entities, sourceSha256: page.sha256, expectedSidecarHash: page.sidecarHash, ...patch }, '0.1.0');
  if (!r.ok) throw new Error(r.error.message);
  const parsed = parseSidecar((await corpus.read('p.txt.jiaodui.json')).toString('utf8'));
  if (parsed.kind !== 'ok') throw new Error(parsed.message);
  expect(parsed.sidecar.corrections).toEqual(r.value.corrections);
  return parsed.sidecar.corrections;
}

describe('savePage and the rules of corrections', () => {
  it('keeps the rules of the editor\'s corrections when they reproduce the text, and gives them back on reopen', async () => {
    const saved = await saveOk(await openOk(), { text: CORRECTED, corrections: [TYPED, LOOK_ALIKE] });
    expect(saved).toEqual([TYPED, LOOK_ALIKE]);
    const reopened = await openOk();
    expect(reopened.corrections).toEqual([TYPED, LOOK_ALIKE]);
  });

  it('carries a rule over to an equal recomputed correction when it has to diff again, and drops the others', async () => {
    // The proposed list does not reproduce the text (the editor also typed 𠮷 after 来): the page is re-diffed.
    const text = `人民日报\n${EXT_B}已经来${EXT_B}了\n`;
    const proposed = [TYPED, LOOK_ALIKE, { start: 9, end: 10, original: '了', corrected: '啦', rule: 'look-alike' }];
    const saved = await saveOk(await openOk(), { text, corrections: proposed });
    expect(saved).toEqual([TYPED, LOOK_ALIKE, { start: 9, end: 9, original: '', corrected: EXT_B }]);
  });

  it('keeps the saved rules of untouched corrections when a save sends no corrections (as a batch replace does)', async () => {
    await saveOk(await openOk(), { text: CORRECTED, corrections: [TYPED, LOOK_ALIKE] });
    const page = await openOk();
    const saved = await saveOk(page, { text: CORRECTED.replace('报', '刊') });
    expect(saved).toEqual([{ start: 2, end: 4, original: '曰报', corrected: '日刊' }, LOOK_ALIKE]);
  });

  it('refuses a rule that is empty', async () => {
    const page = await openOk();
    const request = { path: page.path, text: CORRECTED, status: page.status, entities: [], sourceSha256: page.sha256, expectedSidecarHash: null, corrections: [{ ...LOOK_ALIKE, rule: '' }] };
    expect(saveRequestSchema.safeParse(request).success).toBe(false);
    expect(saveRequestSchema.safeParse({ ...request, corrections: [LOOK_ALIKE] }).success).toBe(true);
  });
});
