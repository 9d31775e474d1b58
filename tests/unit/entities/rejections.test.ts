import { describe, expect, it } from 'vitest';
import { addRejection, rejectionSchema } from '../../../shared/entities/rejections';

describe('stored rejections', () => {
  it('accepts a rejection at one place and one for a text everywhere', () => {
    expect(rejectionSchema.safeParse({ text: '朔城区', type: 'LOC', start: 3, end: 6 }).success).toBe(true);
    expect(rejectionSchema.safeParse({ text: '朔城区', type: 'LOC' }).success).toBe(true);
  });

  it('refuses a rejection with only one offset or an empty extent', () => {
    expect(rejectionSchema.safeParse({ text: '朔城区', type: 'LOC', start: 3 }).success).toBe(false);
    expect(rejectionSchema.safeParse({ text: '朔城区', type: 'LOC', start: 3, end: 3 }).success).toBe(false);
  });

  it('does not store the same rejection twice', () => {
    const once = addRejection([], { text: '𠮷城', type: 'LOC' });
    expect(addRejection(once, { text: '𠮷城', type: 'LOC' })).toEqual([{ text: '𠮷城', type: 'LOC' }]);
    expect(addRejection(once, { text: '𠮷城', type: 'ORG' })).toHaveLength(2);
  });
});
