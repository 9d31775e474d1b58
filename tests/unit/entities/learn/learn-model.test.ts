import { describe, expect, it } from 'vitest';
import { trainModel, type TrainingPage } from '../../../../shared/entities/learn/train';
import { suggestLearned } from '../../../../shared/entities/learn/predict';
import { textEvidence } from '../../../../shared/entities/learn/train';
import { loadModel, MODEL_VERSION, storeModel, type LearnedModel } from '../../../../shared/entities/learn/model';
import { LEARNED_TAKES_OVER_AT, suggestEntities } from '../../../../shared/entities/suggest/index';
import { decodeSpans, encodeSpans } from '../../../../shared/entities/learn/labels';
import { zhongMeiPage } from './convention-page';

const EXT_B = '𠮷';

// Sentences in which the editor tags 中 and 美 as places on their own (a corpus convention the rules do not have).
function conventionPages(): TrainingPage[] {
  const lines = [
    '中美关系持续发展。',
    '双方就中美合作交换了意见。',
    '中美两国元首通了电话。',
    '会议讨论了中美贸易问题。',
    '他说中美友好符合人民利益。',
    '中美双方签署了协议。',
  ];
  return [zhongMeiPage(lines)];
}

function learned(text: string, model: LearnedModel) {
  return suggestLearned(text, model, textEvidence(text, undefined)).map(({ start, end, text: t, type }) => ({ start, end, text: t, type }));
}

describe('the learned labeller', () => {
  it('learns a corpus convention from a few examples: 中 and 美 tagged as places in 中美', () => {
    const model = trainModel(conventionPages())!;
    expect(model.types).toEqual(['LOC']);
    // Out of the box no suggester tags 中 alone.
    expect(suggestEntities('中美经贸合作取得进展。').some((s) => s.text === '中')).toBe(false);
    expect(learned('中美经贸合作取得进展。', model)).toEqual([
      { start: 0, end: 1, text: '中', type: 'LOC' },
      { start: 1, end: 2, text: '美', type: 'LOC' },
    ]);
    // With the model on, suggestEntities gives them as learned suggestions with a confidence.
    const all = suggestEntities('中美经贸合作取得进展。', { model });
    expect(all.filter((s) => s.source === 'learned').map((s) => s.text)).toEqual(['中', '美']);
    for (const s of all) expect(s.confidence).toBeGreaterThan(0);
  });

  it('counts offsets in code points (an Extension B character before the span)', () => {
    const model = trainModel(conventionPages())!;
    const text = `${EXT_B}中美经贸合作取得进展。`;
    expect(learned(text, model)).toEqual([
      { start: 1, end: 2, text: '中', type: 'LOC' },
      { start: 2, end: 3, text: '美', type: 'LOC' },
    ]);
    // Training on a page with an Extension B character keeps the tags aligned too.
    const pages: TrainingPage[] = [{ text: `${EXT_B}${EXT_B}是人名。\n${EXT_B}${EXT_B}来了。\n`, spans: [{ start: 0, end: 2, type: 'PER' }, { start: 7, end: 9, type: 'PER' }] }];
    const names = trainModel(pages)!;
    expect(learned(`${EXT_B}${EXT_B}来了。`, names)).toEqual([{ start: 0, end: 2, text: `${EXT_B}${EXT_B}`, type: 'PER' }]);
  });

  it('gives nothing to learn from pages without tags', () => {
    expect(trainModel([{ text: '没有标注的页面。', spans: [] }])).toBeNull();
  });

  it('stores and reads back a model that suggests the same, and refuses another version or a damaged file', () => {
    const model = trainModel(conventionPages())!;
    const json = JSON.stringify(storeModel(model));
    const back = loadModel(JSON.parse(json));
    if (!back.ok) throw new Error(back.message);
    expect(back.model.types).toEqual(model.types);
    expect(back.model.rows.size).toBe(model.rows.size);
    const text = '他认为中美合作很重要。';
    expect(suggestLearned(text, back.model, textEvidence(text, undefined))).toEqual(suggestLearned(text, model, textEvidence(text, undefined)));
    expect(back.model.stats).toEqual(model.stats);

    const newer = { ...JSON.parse(json), version: MODEL_VERSION + 1 };
    const refused = loadModel(newer);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain(`version ${MODEL_VERSION + 1}`);
    expect(loadModel({ ...JSON.parse(json), weights: 'AAAA' }).ok).toBe(false);
    expect(loadModel({ format: 'something-else' }).ok).toBe(false);
    expect(loadModel(null).ok).toBe(false);
  });

  it('records what it learned from', () => {
    const model = trainModel(conventionPages(), { now: () => Date.parse('2026-12-07T10:00:00Z') })!;
    expect(model.stats).toMatchObject({ tags: 12, pages: 1, sentences: 6, trainedAt: '2026-12-07T10:00:00.000Z' });
  });
});

describe('the learned source beside the others', () => {
  const text = '中美代表在朔城区举行会谈。';
  it('comes beside the rules while it has learned from few tags', () => {
    const model = trainModel(conventionPages())!;
    expect(model.stats.tags).toBeLessThan(LEARNED_TAKES_OVER_AT);
    const found = suggestEntities(text, { model });
    expect(found.some((s) => s.source === 'rule' && s.text === '朔城区')).toBe(true);
    expect(found.some((s) => s.source === 'learned' && s.text === '中')).toBe(true);
  });
  it('replaces the corpus strings of the types it knows once it has learned from enough tags, keeps the rules, and fills the gaps', () => {
    const pages = Array.from({ length: 10 }, () => conventionPages()[0]!);
    const model = trainModel(pages)!;
    expect(model.stats.tags).toBeGreaterThanOrEqual(LEARNED_TAKES_OVER_AT);
    // 中 tagged as a place is a known string: alone it would be suggested wherever 中 stands (中间 too).
    const known = new Map([['中', 'LOC'], ['美', 'LOC']]);
    const found = suggestEntities(`${text}中间2026年12月7日`, { model, known });
    expect(found.some((s) => s.source === 'known')).toBe(false);
    expect(found.some((s) => s.source === 'learned' && s.text === '中' && s.start === 0)).toBe(true);
    // The rules stay: the district, and dates (a type it did not learn).
    expect(found.some((s) => s.source === 'rule' && s.text === '朔城区')).toBe(true);
    expect(found.some((s) => s.type === 'DATE' && s.source === 'rule')).toBe(true);
    // Without the model the known strings are suggested, 中 of 中间 included.
    expect(suggestEntities(`${text}中间`, { known }).filter((s) => s.source === 'known' && s.text === '中')).toHaveLength(2);
  });
});

describe('BIO labels', () => {
  it('encode spans and decode them back', () => {
    const spans = [{ start: 0, end: 1, type: 0 }, { start: 1, end: 4, type: 1 }, { start: 6, end: 7, type: 0 }];
    expect(decodeSpans(encodeSpans(8, spans))).toEqual(spans);
  });
  it('keep the first of overlapping spans', () => {
    expect(decodeSpans(encodeSpans(5, [{ start: 0, end: 3, type: 0 }, { start: 2, end: 5, type: 1 }]))).toEqual([{ start: 0, end: 3, type: 0 }]);
  });
});
