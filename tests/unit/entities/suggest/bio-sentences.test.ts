import { describe, expect, it } from 'vitest';
import { parseBioSentences } from '../../../bench/bio-sentences';

describe('parseBioSentences', () => {
  it('reads sentences and entities with code-point offsets (𠮷 counts as one)', () => {
    const text = ['𠮷 O', '江 B-PER', '泽 I-PER', '民 I-PER', '访 O', '美 B-LOC', '', '', '新 B-ORG', '华 I-ORG', '社 I-ORG'].join('\n');
    const sentences = parseBioSentences(text);
    expect(sentences).toEqual([
      {
        text: '𠮷江泽民访美',
        entities: [
          { start: 1, end: 4, type: 'PER', text: '江泽民' },
          { start: 5, end: 6, type: 'LOC', text: '美' },
        ],
      },
      { text: '新华社', entities: [{ start: 0, end: 3, type: 'ORG', text: '新华社' }] },
    ]);
  });

  it('starts a new entity on B- after B-, and on I- of another type', () => {
    const sentences = parseBioSentences('中 B-LOC\n美 B-LOC\n北 I-ORG\n大 I-ORG\n');
    expect(sentences[0]!.entities.map((e) => `${e.type}:${e.text}`)).toEqual(['LOC:中', 'LOC:美', 'ORG:北大']);
  });

  it('rejects a malformed line instead of misaligning offsets', () => {
    expect(() => parseBioSentences('中 B-LOC extra\n')).toThrow(/line 1/);
  });
});
