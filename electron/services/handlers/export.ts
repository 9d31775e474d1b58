import path from 'node:path';
import { fail, ok } from '../../../shared/result';
import { isInside } from '../disk/confine';
import { exportCorpus } from '../export/export';
import type { ChannelHandlers, HandlerContext } from './context';

// Progress events at most this often (plus the last one), so a 10,000-page export does not flood the renderer.
const PROGRESS_INTERVAL_MS = 100;

/// The export.* channels: choose the export folder (remembered here), then export into it.
///
/// The renderer never passes a filesystem path: export.run always writes to the folder the dialog returned.
export function exportHandlers(ctx: HandlerContext): ChannelHandlers<'export.chooseFolder' | 'export.run' | 'export.cancel'> {
  return {
    'export.chooseFolder': async () => {
      const folder = await ctx.deps.dialogs.chooseFolder('export-folder');
      if (folder === null) return ok(null);
      const abs = path.resolve(folder);
      if (ctx.corpus && isInside(ctx.corpus.root, abs)) {
        return fail('invalid-argument', 'The export folder must not be inside the corpus folder.');
      }
      ctx.exportFolder = abs;
      return ok(abs);
    },
    'export.cancel': async () => ok(false),
    'export.run': async ({ scope }) => {
      const pages = scope.kind === 'pages' ? scope.pages : null;
      if (!ctx.corpus) return fail('no-corpus', 'No corpus folder is open.');
      if (!ctx.exportFolder) return fail('invalid-argument', 'Choose an export folder first.');
      let last = 0;
      return exportCorpus(ctx.corpus.root, pages, ctx.exportFolder, (done, total) => {
        const now = Date.now();
        if (done === total || now - last >= PROGRESS_INTERVAL_MS) {
          last = now;
          ctx.deps.emit('export.progress', { done, total });
        }
      });
    },
  };
}
