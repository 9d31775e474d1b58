import { describe, expect, it } from 'vitest';
import { listStats, pageStatsOf, pageStatsSchema, sumTopEntities, TOP_ENTITIES_PER_PAGE, topEntities } from '../../../shared/model/page-stats';

const EXT_B = '𠮷';

describe('pageStatsOf', () => {
  it('counts corrections by hand and by rule, entities by type, and keeps the note', () => {
    const stats = pageStatsOf({
      corrections: [
        { start: 0, end: 1, original: '曰', corrected: '日' },
        { start: 2, end: 3, original: '己', corrected: '已', rule: 'look-alike' },
        { start: 4, end: 5, original: '．', corrected: '。', rule: 'punctuation-width' },
      ],
      entities: [
        { id: 'e1', start: 0, end: 2, type: 'PER', text: `${EXT_B}田` },
        { id: 'e2', start: 5, end: 7, type: 'PER', text: `${EXT_B}田` },
        { id: 'e3', start: 9, end: 11, type: 'LOC', text: '上海' },
      ],
      note: '第二栏缺失',
    });
    expect(stats).toEqual({
      hand: 1,
      rule: 2,
      entities: { PER: 2, LOC: 1 },
      top: [
        { text: `${EXT_B}田`, type: 'PER', count: 2 },
        { text: '上海', type: 'LOC', count: 1 },
      ],
      note: '第二栏缺失',
      pending: null,
    });
  });

  it('tells apart the same text under two types', () => {
    const stats = pageStatsOf({ entities: [{ type: 'LOC', text: '中国' }, { type: 'ORG', text: '中国' }, { type: 'LOC', text: '中国' }] });
    expect(stats.top).toEqual([{ text: '中国', type: 'LOC', count: 2 }, { text: '中国', type: 'ORG', count: 1 }]);
  });

  it('keeps only the page\'s most frequent entities, most first, ties by text', () => {
    const entities = Array.from({ length: 30 }, (_, i) => Array.from({ length: i + 1 }, () => ({ type: 'PER', text: `人${String(i).padStart(2, '0')}` }))).flat();
    const stats = pageStatsOf({ entities });
    expect(stats.top).toHaveLength(TOP_ENTITIES_PER_PAGE);
    expect(stats.top[0]).toEqual({ text: '人29', type: 'PER', count: 30 });
    expect(stats.entities.PER).toBe(entities.length);
    expect(topEntities([{ text: '乙', type: 'A', count: 1 }, { text: '甲', type: 'A', count: 1 }], 5).map((e) => e.text)).toEqual(['乙', '甲'].sort());
  });

  it('is lenient: malformed items are skipped, a missing or blank note is null, non-objects give empty stats', () => {
    expect(pageStatsOf({ corrections: [null, 3, { rule: 7 }], entities: [{ type: 1, text: 'x' }, null], note: '   ' })).toEqual({
      hand: 1,
      rule: 0,
      entities: {},
      top: [],
      note: null,
      pending: null,
    });
    expect(pageStatsOf('nonsense')).toEqual({ hand: 0, rule: 0, entities: {}, top: [], note: null, pending: null });
    expect(pageStatsOf(null).note).toBeNull();
  });
});

describe('pending counts, list form and corpus top entities', () => {
  it('never reads pending counts from a sidecar: they are counted by the editor at a save', () => {
    expect(pageStatsOf({ pending: { lowConfidence: 1, ocrSuggestions: 1, entitySuggestions: 1 } }).pending).toBeNull();
  });

  it('reads stored pending counts, and an index entry without them or with damaged ones as not yet counted', () => {
    const stored = { hand: 1, rule: 0, entities: {}, top: [], note: null, pending: { lowConfidence: 4, ocrSuggestions: 2, entitySuggestions: 0 } };
    expect(pageStatsSchema.parse(stored).pending).toEqual({ lowConfidence: 4, ocrSuggestions: 2, entitySuggestions: 0 });
    const { pending: _pending, ...older } = stored;
    expect(pageStatsSchema.parse(older).pending).toBeNull();
    expect(pageStatsSchema.parse({ ...stored, pending: { lowConfidence: -1, ocrSuggestions: 2, entitySuggestions: 0 } }).pending).toBeNull();
  });

  it('drops the top entities from the list form and keeps the rest', () => {
    const stats = pageStatsOf({ entities: [{ type: 'PER', text: EXT_B }], note: '缺' });
    const listed = listStats(stats);
    expect('top' in listed).toBe(false);
    expect(listed).toEqual({ hand: 0, rule: 0, entities: { PER: 1 }, note: '缺', pending: null });
  });

  it('sums the pages\' top lists by text and type, most frequent first', () => {
    const summed = sumTopEntities(
      [
        [{ text: `${EXT_B}田`, type: 'PER', count: 2 }, { text: '上海', type: 'LOC', count: 1 }],
        [{ text: '上海', type: 'LOC', count: 2 }, { text: '上海', type: 'ORG', count: 1 }],
        [],
      ],
      2,
    );
    expect(summed).toEqual([{ text: '上海', type: 'LOC', count: 3 }, { text: `${EXT_B}田`, type: 'PER', count: 2 }]);
  });
});
