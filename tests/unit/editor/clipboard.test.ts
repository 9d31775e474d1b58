import { describe, expect, it } from 'vitest';
import { parseClipboardText, serializeClipboardText } from '../../../renderer/editor/clipboard';
import { createPageState } from '../../../renderer/editor/page-state';
import { textFromDoc } from '../../../renderer/editor/text-doc';

describe('clipboard text', () => {
  it('pastes CRLF text as lines, NFC-normalised, joined to the lines around the cursor', () => {
    const state = createPageState({ originalText: '甲乙', text: '甲乙' });
    const slice = parseClipboardText('一\r\n二\rCafe\u0301');
    const next = state.apply(state.tr.replaceRange(2, 2, slice));
    expect(textFromDoc(next.doc)).toBe('甲一\n二\nCafé乙');
  });

  it('copies lines with a single line break between them', () => {
    const state = createPageState({ originalText: '', text: '甲乙\n\n丙丁' });
    const slice = state.doc.slice(2, state.doc.content.size - 2);
    expect(serializeClipboardText(slice)).toBe('乙\n\n丙');
  });
});
