import type { TextWorker } from '../text-worker/text-worker';
import type { ChannelHandlers, HandlerContext } from './context';
import { withCorpusOcrDecisions } from './ignore';

/// The ocr.* channels: OCR-correction suggestions for the editor's current text, made on the text worker thread,
/// then the corpus's ignore list and corpus-wide rejections applied (docs/rejections.md).
export function ocrHandlers(ctx: HandlerContext, textWorker: TextWorker): ChannelHandlers<'ocr.suggest'> {
  return {
    'ocr.suggest': async (request) =>
      withCorpusOcrDecisions(ctx, request.text.normalize('NFC'), await textWorker.run({ kind: 'ocr-suggest', root: ctx.corpus?.root ?? null, request })),
  };
}
