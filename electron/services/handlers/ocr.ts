import type { TextWorker } from '../text-worker/text-worker';
import { ErrorProfileStore, errorProfileFile, takeProfilePages } from '../ocr/error-profile-store';
import type { ChannelHandlers, HandlerContext } from './context';
import { withCorpusOcrDecisions } from './ignore';

/// How long a suggestion request waits for the first build of a corpus's error profile (every sidecar read); a
/// longer build goes on in the background and the suggestions use the profile cached from the last session.
const FIRST_BUILD_WAIT_MS = 1000;

/// The ocr.* channels: OCR-correction suggestions for the editor's current text, made on the text worker thread,
/// then the corpus's ignore list and corpus-wide rejections applied (docs/rejections.md).
///
/// With a corpus open, its error profile is brought up to date first (the sidecars the app wrote since are read
/// again) and the worker reads it from the corpus's data folder.
export function ocrHandlers(ctx: HandlerContext, textWorker: TextWorker): ChannelHandlers<'ocr.suggest'> {
  let store: ErrorProfileStore | null = null;
  const profileFile = async (root: string): Promise<string> => {
    if (store?.root !== root) {
      store = new ErrorProfileStore(root, errorProfileFile(ctx.deps.stateFile, root));
      takeProfilePages(ctx);
    }
    // While the corpus is being scanned its page list is not known yet; the cached profile serves meanwhile.
    const pages = ctx.scan.paths;
    if (pages !== null) {
      const update = store.update(pages, takeProfilePages(ctx));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([update.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, FIRST_BUILD_WAIT_MS)))]);
      clearTimeout(timer);
    }
    return store.file;
  };
  return {
    'ocr.suggest': async (request) => {
      const root = ctx.corpus?.root ?? null;
      const suggested = await textWorker.run({ kind: 'ocr-suggest', root, request, profileFile: root === null ? null : await profileFile(root) });
      return withCorpusOcrDecisions(ctx, request.text.normalize('NFC'), suggested);
    },
  };
}
