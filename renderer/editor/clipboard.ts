import type { Slice } from 'prosemirror-model';
import { sliceFromText } from './text-doc';

/// Turns pasted or dropped plain text into lines.
///
/// Line endings become line breaks and the text is NFC-normalised, as stored offsets assume NFC text.
export function parseClipboardText(text: string): Slice {
  return sliceFromText(text.replace(/\r\n?/g, '\n').normalize('NFC'));
}

/// Turns copied lines into plain text with one `\n` between lines.
///
/// ProseMirror's default puts a blank line between blocks, which would double every line break.
export function serializeClipboardText(slice: Slice): string {
  return slice.content.textBetween(0, slice.content.size, '\n');
}
