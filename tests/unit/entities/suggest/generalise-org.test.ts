import { describe, expect, it } from 'vitest';
import { JiebaTagger } from '../../../../electron/services/entities/jieba-tagger';
import { suggestEntities, type EntitySuggestion } from '../../../../shared/entities/suggest/index';
import { expectOffsetsMatch } from '../suggestion-helpers';

// Out of the box, as the CLI runs: rules + jieba, no corpus knowledge.
const tagger = new JiebaTagger();
const suggest = (text: string) => suggestEntities(text, { sources: ['rule', 'segmenter'], tagger });
const typed = (found: readonly EntitySuggestion[]) => found.map((s) => `${s.type}:${s.text}`);

describe('organisations by structure: where the chain stops', () => {
  it('does not run through a team that names its own country', () => {
    const found = typed(suggest('他们昨天在杜塞尔多夫战胜德国队，进入决赛。'));
    expect(found.some((s) => s.startsWith('ORG:杜塞尔多夫'))).toBe(false);
  });

  it('leaves a place before a word for a kind of body (球队, 军队, 总部) as the place', () => {
    const text = '𠮷非洲球队的表现令人满意。';
    const found = suggest(text);
    expect(typed(found)).toContain('LOC:非洲');
    expect(typed(found)).not.toContain('ORG:非洲球队');
    expectOffsetsMatch(text, found);
    expect(typed(suggest('联合国在纽约总部召开会议。'))).not.toContain('ORG:纽约总部');
  });

  it('reads 行 as the end of an organisation only in a bank', () => {
    expect(typed(suggest('他们乘船作环太平洋航行。')).some((s) => s.startsWith('ORG:'))).toBe(false);
  });

  it('keeps 全国 at the start of a national body, not 全 alone', () => {
    const text = '𠮷：全国人大常委会今天闭幕。';
    const found = suggest(text);
    expect(typed(found)).toContain('ORG:全国人大常委会');
    expect(typed(found)).not.toContain('ORG:国人大常委会');
    expectOffsetsMatch(text, found);
  });
});

describe('regions read by the segmenter as X地区', () => {
  it('suggests the region, not the region + 地区, with code-point offsets', () => {
    const text = '𠮷，这将影响亚洲地区的经济。';
    const found = suggest(text);
    expect(typed(found)).toContain('LOC:亚洲');
    expect(typed(found)).not.toContain('LOC:亚洲地区');
    expectOffsetsMatch(text, found);
  });

  it('leaves a word whose stem is no known region as it was', () => {
    expect(typed(suggest('沿海地区的出口增长较快。'))).not.toContain('LOC:沿海');
  });
});
