import { describe, expect, it } from 'vitest';
import { JiebaTagger } from '../../../electron/services/entities/jieba-tagger';
import { packTaggedWords, unpackTaggedWords } from '../../../shared/entities/suggest/page-request';
import { changedLines, spliceTaggedWords } from '../../../shared/entities/suggest/retag';
import type { TaggedWord } from '../../../shared/entities/suggest';

// One word per character, with the line breaks as words of their own (as jieba gives them).
const perChar = (text: string): TaggedWord[] => Array.from(text).map((c) => ({ word: c, tag: c === '\n' ? 'x' : 'n' }));

describe('the lines changed since the tags were computed', () => {
  it('are whole lines of the old and the new text, with 𠮷 counted in UTF-16 units', () => {
    expect(changedLines('甲\n乙\n丙', '甲\n乙\n丙')).toBeNull();
    expect(changedLines('甲\n乙\n丙', '甲\n𠮷乙\n丙')).toEqual({ start: 2, oldEnd: 3, newEnd: 5 });
    expect(changedLines('𠮷甲\n乙', '𠮷甲\n乙丁')).toEqual({ start: 4, oldEnd: 5, newEnd: 6 });
    expect(changedLines('甲\n乙\n丙', '甲改\n乙\n丙')).toEqual({ start: 0, oldEnd: 1, newEnd: 2 });
    // A line inserted, and one deleted.
    const inserted = changedLines('甲\n丙', '甲\n乙\n丙')!;
    expect('甲\n乙\n丙'.slice(inserted.start, inserted.newEnd)).toContain('乙');
    const deleted = changedLines('甲\n乙\n丙', '甲\n丙')!;
    expect('甲\n乙\n丙'.slice(deleted.start, deleted.oldEnd)).toContain('乙');
  });
});

describe('tags spliced from the old words and the changed lines', () => {
  it('equal tagging the new text whole when each line is tagged on its own', () => {
    const old = '记者 武跃林\n朔城区𠮷\n马邑花园小区';
    const now = '记者 武跃林\n朔城区𠮷改\n新的一行\n马邑花园小区';
    const changed = changedLines(old, now)!;
    const spliced = spliceTaggedWords(packTaggedWords(old, perChar(old)), now, changed, perChar(now.slice(changed.start, changed.newEnd)));
    expect(spliced).not.toBeNull();
    expect(spliced!.text).toBe(now);
    expect(unpackTaggedWords(spliced!)).toEqual(perChar(now));
  });

  it('are refused when an old word runs over the changed lines’ edge, so the whole text is tagged instead', () => {
    const old = '甲乙\n丙丁';
    const words = [{ word: '甲乙\n丙', tag: 'n' }, { word: '丁', tag: 'n' }];
    const now = '甲乙\n丙丁改';
    expect(spliceTaggedWords(packTaggedWords(old, words), now, changedLines(old, now)!, perChar('丙丁改'))).toBeNull();
  });

  it('are refused when the old words do not spell the old text', () => {
    const old = '甲乙\n丙';
    expect(spliceTaggedWords(packTaggedWords(old, [{ word: '甲乙', tag: 'n' }]), '甲乙\n丁', changedLines(old, '甲乙\n丁')!, perChar('丁'))).toBeNull();
  });

  it('match jieba on the whole new text for an edit of one line of a real-looking page', () => {
    const jieba = new JiebaTagger();
    const old = '记者 武跃林报道\n朔城区市场监督管理局与马邑花园小区\n12月1日下午，冯云龙来到𠮷林区。';
    const now = '记者 武跃林报道\n朔城区市场监督管理局与马邑小区\n12月1日下午，冯云龙来到𠮷林区。';
    const changed = changedLines(old, now)!;
    const spliced = spliceTaggedWords(packTaggedWords(old, jieba.tag(old)), now, changed, jieba.tag(now.slice(changed.start, changed.newEnd)));
    expect(spliced).not.toBeNull();
    expect(unpackTaggedWords(spliced!)).toEqual(jieba.tag(now));
  });
});
