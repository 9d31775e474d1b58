import { describe, expect, it } from 'vitest';
import { applyCorrections, computeCorrections } from '../../../shared/model/corrections';

const EXT_B = '𠮷';

describe('corrections where line breaks changed', () => {
  it('keep a character whose line break moved from after it to before it', () => {
    // A join then a split: only line breaks changed, not the character.
    expect(computeCorrections(`${EXT_B}\n`, `\n${EXT_B}`)).toEqual([
      { start: 0, end: 0, original: '', corrected: '\n' },
      { start: 1, end: 2, original: '\n', corrected: '' },
    ]);
  });

  it('keep characters the plain diff gave up for line breaks kept between blank lines (found by the property test)', () => {
    const corrections = computeCorrections(`\n\n${EXT_B}丁丂\n`, `${EXT_B}\n丁\n丂\n`);
    expect(corrections.map((c) => [c.original, c.corrected])).toEqual([['\n\n', ''], ['', '\n'], ['', '\n']]);
  });

  it('record the joins of a paragraph as line breaks removed, never as its text deleted and written again', () => {
    const lines = ['工作人员在指导顾客完成在线支付后，第一时', '间进行药品打包、张贴小票、消毒，并登记好每位', '顾客的小区所在地。随即，由穿戴好防护服的送药', `人员实施无接触配送。${EXT_B}疫情发生以来，市民购药便`, '利度直接关系到生命健康'];
    const original = ['标题', '', lines.join('\n'), '', '结尾'].join('\n');
    const joined = ['标题', '', lines.join(''), '', '结尾'].join('\n');
    const corrections = computeCorrections(original, joined);
    expect(corrections.map((c) => [c.original, c.corrected])).toEqual(lines.slice(1).map(() => ['\n', '']));
    expect(applyCorrections(original, corrections)).toEqual({ ok: true, value: joined });
  });

  it('keep the plain character diff where it changes as few characters and fewer line breaks', () => {
    const original = `${EXT_B}己 \n${EXT_B}己\n曰报`;
    const corrected = `${EXT_B}已${EXT_B}\n${EXT_B}已\n日报`;
    expect(computeCorrections(original, corrected).map((c) => [c.original, c.corrected])).toEqual([
      ['己 ', `已${EXT_B}`],
      ['己', '已'],
      ['曰', '日'],
    ]);
  });
});
