import { ok } from '../../../shared/result';
import { listStats } from '../../../shared/model/page-stats';
import { failWith } from '../../../shared/errors/fail-with';
import { openPage } from '../page/open-page';
import { savePage } from '../page/save-page';
import { readScanImage } from '../scans/scan-image';
import type { ScanPreviews } from '../scans/scan-preview';
import type { TextWorker } from '../text-worker/text-worker';
import type { ChannelHandlers, HandlerContext } from './context';
import { noteSaved } from './corpus-texts';
import { refuseUnlessWritable } from './corpus-write-gate';
import { indexEntryAfterSave } from '../corpus/index-after-save';

/// The page.* channels: open and save one page of the open corpus, and read a scan image of it.
///
/// Opening a page with a scan loads the library that makes scan previews (`previews`), and opening any page
/// starts the text worker, whose models then load while the page is read (the editor asks for OCR suggestions and
/// word tags once the page is shown).
export function pageHandlers(ctx: HandlerContext, previews: ScanPreviews, textWorker: TextWorker): ChannelHandlers<'page.open' | 'page.save' | 'page.scanImage'> {
  return {
    'page.open': async (rel) => {
      const corpus = ctx.corpus;
      if (!corpus) return failWith('corpus.notOpen');
      textWorker.warmUp();
      const opened = await openPage(corpus.root, rel, ctx.scan.pages.get(rel));
      // In a corpus another program holds, every page is read-only (its own reason, if it has one, comes first).
      if (opened.ok && corpus.readOnly && opened.value.readOnly === null) {
        opened.value.readOnly = { reason: 'corpus-locked', message: 'This corpus is open for editing in another Jiaodui, so it is read-only here.' };
      }
      // A page with a scan loads the image library now, so the viewer's request for a preview does not wait for it.
      if (opened.ok && opened.value.scan?.image) previews.warmUp();
      return opened;
    },
    'page.save': async (req) => {
      const refused = await refuseUnlessWritable(ctx);
      if (refused || !ctx.corpus) return refused ?? failWith('corpus.notOpen');
      const saved = await savePage(ctx.corpus.root, req, ctx.deps.appVersion);
      if (!saved.ok) return saved;
      noteSaved(ctx, req.path, { sourceSha256: req.sourceSha256, sidecarHash: saved.value.sidecarHash, text: req.text.normalize('NFC'), spans: req.entities });
      // A renderer that starts later (a reload, a second window) reads the page list from here.
      const entry = ctx.scan.pages.get(req.path);
      // What the editor still had waiting is not in the sidecar: the save request counts it (issue 16).
      const stats = { ...saved.value.stats, pending: req.pending ?? null };
      if (entry) ctx.scan.pages.set(req.path, { ...entry, status: req.status, stats });
      // The index cache takes the saved facts, so a rescan in this session does not read the sidecar again.
      const root = ctx.corpus.root;
      const indexed = await indexEntryAfterSave(root, req.path, req.status, stats);
      if (indexed) (await ctx.store()).noteIndexEntry(root, req.path, indexed);
      // The top entities stay in the main process (corpus.topEntities).
      return ok({ ...saved.value, stats: listStats(stats) });
    },
    'page.scanImage': async (rel) => (ctx.corpus ? readScanImage(ctx.corpus.root, rel) : failWith('corpus.notOpen')),
  };
}
