import { fail } from '../../../shared/result';
import { openPage } from '../open-page';
import { savePage } from '../save-page';
import { readScanImage } from '../scan-image';
import type { ChannelHandlers, HandlerContext } from './context';
import { noteWritten } from './corpus-texts';

/// The page.* channels: open and save one page of the open corpus, and read a scan image of it.
export function pageHandlers(ctx: HandlerContext): ChannelHandlers<'page.open' | 'page.save' | 'page.scanImage'> {
  return {
    'page.open': async (rel) => (ctx.corpus ? openPage(ctx.corpus.root, rel, ctx.scan.pages.get(rel)) : fail('no-corpus', 'No corpus folder is open.')),
    'page.save': async (req) => {
      if (!ctx.corpus) return fail('no-corpus', 'No corpus folder is open.');
      const saved = await savePage(ctx.corpus.root, req, ctx.deps.appVersion);
      if (saved.ok) noteWritten(ctx, [req.path], { bySave: true });
      return saved;
    },
    'page.scanImage': async (rel) => (ctx.corpus ? readScanImage(ctx.corpus.root, rel) : fail('no-corpus', 'No corpus folder is open.')),
  };
}
