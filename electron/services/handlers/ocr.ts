import { suggestForText } from '../ocr/suggest-for-text';
import type { ChannelHandlers, HandlerContext } from './context';

/// The ocr.* channels: OCR-correction suggestions for the editor's current text.
export function ocrHandlers(ctx: HandlerContext): ChannelHandlers<'ocr.suggest'> {
  return {
    'ocr.suggest': async (request) => suggestForText(ctx.corpus?.root ?? null, request),
  };
}
