import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../../shared/export/format-ids';
import { LANGUAGES } from '../../../../shared/ipc/contract';
import { ALL_FORMATS, FORMAT_GROUPS, formatHintKey, formatNameKey } from '../../../../renderer/export/format-groups';
import { problemPlace, problemWords, runErrorWords } from '../../../../renderer/export/problem-words';
import { messages, translate, type MessageKey } from '../../../../renderer/i18n/messages';

describe('export dialog words', () => {
  it('lists every export format exactly once, in its groups', () => {
    const listed = FORMAT_GROUPS.flatMap((g) => g.formats);
    expect([...listed].sort()).toEqual([...EXPORT_FORMATS].sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(ALL_FORMATS).toEqual(EXPORT_FORMATS);
  });

  it('names and describes every format in both languages, each name different', () => {
    for (const language of LANGUAGES) {
      const names = EXPORT_FORMATS.map((f) => messages[language][formatNameKey(f)]);
      expect(new Set(names).size).toBe(EXPORT_FORMATS.length);
      for (const format of EXPORT_FORMATS) {
        expect(messages[language][formatNameKey(format)].trim()).not.toBe('');
        expect(messages[language][formatHintKey(format)].length).toBeGreaterThan(10);
      }
    }
    // The Chinese descriptions are Chinese, not English left over.
    for (const format of EXPORT_FORMATS) expect(messages['zh-CN'][formatHintKey(format)]).toMatch(/\p{Script=Han}/u);
  });

  it('words known problem codes in the UI language, and shows the main process words for others', () => {
    const zh = (key: MessageKey, values?: Record<string, string | number>) => translate('zh-CN', key, values);
    const en = (key: MessageKey, values?: Record<string, string | number>) => translate('en', key, values);
    for (const code of ['sidecar-unusable', 'not-applicable', 'layout-mismatch', 'invalid-page', 'unreadable', 'write-failed', 'inside-corpus', 'duplicate-path', 'unknown-format', 'exporter-failed']) {
      const words = problemWords(zh, { path: 'p.txt', code, message: 'English words' });
      expect(words).toMatch(/\p{Script=Han}/u);
      expect(words).not.toContain('English words');
      expect(problemWords(en, { path: 'p.txt', code, message: 'x' })).not.toBe('x');
    }
    expect(problemWords(zh, { path: 'p.txt', code: 'something-new', message: 'Page 𠮷.txt: odd' })).toBe('Page 𠮷.txt: odd');
    // An inherited object key is not a known code.
    expect(problemWords(en, { path: '', code: 'constructor', message: 'm' })).toBe('m');
    expect(runErrorWords(zh, { code: 'busy', message: 'busy' })).toMatch(/另一项导出/);
    expect(runErrorWords(en, { code: 'invalid-argument', message: 'Choose an export folder first.' })).toContain('Choose an export folder first.');
  });

  it('says a summarised not-applicable problem concerns several pages, and a run problem the whole export', () => {
    const en = (key: MessageKey, values?: Record<string, string | number>) => translate('en', key, values);
    const summary = { path: '', format: 'alto' as const, code: 'not-applicable', message: 'The alto export does not apply to 12 of the pages (a.txt, …)' };
    expect(problemPlace(en, summary)).toBe('Several pages');
    expect(problemWords(en, summary)).toMatch(/many of the pages/);
    expect(problemPlace(en, { path: '', code: 'write-failed' })).toBe('The whole export');
    expect(problemPlace(en, { path: '𠮷/p.txt', code: 'not-applicable', format: 'alto' })).toBe('𠮷/p.txt');
    expect(problemWords(en, { ...summary, path: '𠮷/p.txt' })).toMatch(/does not apply to this page/);
  });
});
