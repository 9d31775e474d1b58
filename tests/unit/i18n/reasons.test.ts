// Reasons inside failures (shared/errors/reasons.ts) travel as ids with values and are worded in the UI language.
import { describe, expect, it } from 'vitest';
import { englishOf, failWith } from '../../../shared/errors/fail-with';
import { REASON_IDS, REASONS, reason, reasonIn, technicalReason, withReason } from '../../../shared/errors/reasons';
import { errorWords } from '../../../renderer/i18n/error-words';
import { messages } from '../../../renderer/i18n/messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('reasons', () => {
  it('each has a Chinese wording with the placeholders of its English', () => {
    const zh = messages['zh-CN'] as Record<string, string>;
    for (const id of REASON_IDS) {
      expect(zh[`reason.${id}`], id).toMatch(/\p{Script=Han}/u);
      expect(placeholders(zh[`reason.${id}`]!), id).toEqual(placeholders(REASONS[id].en));
    }
  });

  it('travel flattened in a failure’s values: English for logs, the id and its own values for the renderer', () => {
    const values = withReason({ path: '𠮷.xml' }, 'problem', technicalReason('Unexpected end of input'));
    expect(values).toEqual({ path: '𠮷.xml', problem: 'Unexpected end of input', problemReason: 'other.technical', 'problem.detail': 'Unexpected end of input' });
    expect(reasonIn(values, 'problem')).toEqual(reason('other.technical', { detail: 'Unexpected end of input' }));
    expect(reasonIn({ problem: 'x', problemReason: 'no.such.reason' }, 'problem')).toBeUndefined();
    const failed = failWith('page.layoutInvalid', values);
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.message).toBe(englishOf('page.layoutInvalid', { path: '𠮷.xml', problem: 'Unexpected end of input' }));
  });

  it('are worded in the UI language inside the failure’s sentence', () => {
    const values = withReason({ path: '𠮷.xml' }, 'problem', technicalReason('Unexpected end of input'));
    const error = { code: 'io' as const, message: '', messageId: 'page.layoutInvalid' as const, values };
    expect(errorWords('zh-CN', error)).toBe('无法读取“𠮷.xml”的版面文件：（英文原文）Unexpected end of input');
    expect(errorWords('en', error)).toBe('The layout file of "𠮷.xml" cannot be read: Unexpected end of input');
  });
});
