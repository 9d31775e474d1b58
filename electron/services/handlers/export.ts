import path from 'node:path';
import type { PageEntry } from '../../../shared/ipc/contract';
import { ok } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { isInside } from '../disk/confine';
import { runExport } from '../export/export';
import type { ChannelHandlers, HandlerContext } from './context';

// Progress events at most this often (plus the first and the last), so a 10,000-page export does not flood the
// renderer.
const PROGRESS_INTERVAL_MS = 100;

/// The export.* channels: choose the export folder (remembered here), export into it, cancel the export running.
///
/// The renderer never passes a filesystem path: export.run always writes to the folder the dialog returned. One
/// export runs at a time per window; a second export.run meanwhile fails 'busy'.
export function exportHandlers(ctx: HandlerContext): ChannelHandlers<'export.chooseFolder' | 'export.run' | 'export.cancel'> {
  let running: AbortController | null = null;
  return {
    'export.chooseFolder': async () => {
      const folder = await ctx.deps.dialogs.chooseFolder('export-folder');
      if (folder === null) return ok(null);
      const abs = path.resolve(folder);
      if (ctx.corpus && isInside(ctx.corpus.root, abs)) {
        return failWith('export.folderInsideCorpus');
      }
      ctx.exportFolder = abs;
      return ok(abs);
    },
    // True when an export was running and is now asked to stop (its outcome then says `cancelled`).
    'export.cancel': async () => {
      if (running === null || running.signal.aborted) return ok(false);
      running.abort();
      return ok(true);
    },
    'export.run': async (request) => {
      if (!ctx.corpus) return failWith('corpus.notOpen');
      if (!ctx.exportFolder) return failWith('export.noFolder');
      if (running !== null) return failWith('export.running', {}, 'export-running');
      const controller = new AbortController();
      running = controller;
      let last = 0;
      try {
        return await runExport(ctx.corpus.root, request, ctx.exportFolder, {
          appVersion: ctx.deps.appVersion,
          signal: controller.signal,
          known: knownPages(ctx),
          onProgress: (done, total) => {
            const now = Date.now();
            if (done === 0 || done === total || now - last >= PROGRESS_INTERVAL_MS) {
              last = now;
              ctx.deps.emit('export.progress', { done, total });
            }
          },
        });
      } finally {
        running = null;
      }
    },
  };
}

// The open corpus's pages from its finished scan (statuses kept current by saves), or undefined to scan afresh.
function knownPages(ctx: HandlerContext): PageEntry[] | undefined {
  if (!ctx.scan.done || ctx.scan.paths === null) return undefined;
  const pages: PageEntry[] = [];
  for (const rel of ctx.scan.paths) {
    const page = ctx.scan.pages.get(rel);
    if (page) pages.push(page);
  }
  return pages;
}
