import type { OcrSuggestionForApp } from '../../../shared/ocr-assist/types';
import { applyCorpusOcrDecisions } from '../../../shared/ocr-assist/corpus-rejections';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { IgnoreStore } from '../app/ignore-store';
import { latestCorpusRejections } from '../entities/corpus-entity-index';
import type { ChannelHandlers, HandlerContext } from './context';

type IgnoreChannel = 'ignore.list' | 'ignore.add' | 'ignore.remove';

// One store per ignore file, so changes from any handler table run one at a time.
const stores = new Map<string, IgnoreStore>();

/// The ignore store of the open corpus, or a 'no-corpus' failure.
export function ignoreStoreOf(ctx: HandlerContext): Result<IgnoreStore> {
  if (!ctx.corpus) return failWith('corpus.notOpen');
  const store = new IgnoreStore(ctx.deps.stateFile, ctx.corpus.root);
  const known = stores.get(store.file);
  if (known) return ok(known);
  stores.set(store.file, store);
  return ok(store);
}

/// The ignore.* channels: the open corpus's "always ignore" list, kept app-side (never in the corpus, so a
/// read-only corpus has one too). Every channel needs an open corpus; arguments come validated by the table.
export function ignoreHandlers(ctx: HandlerContext): ChannelHandlers<IgnoreChannel> {
  return {
    'ignore.list': async () => {
      const store = ignoreStoreOf(ctx);
      return store.ok ? store.value.read() : store;
    },
    'ignore.add': async (target) => {
      const store = ignoreStoreOf(ctx);
      return store.ok ? store.value.add(target) : store;
    },
    'ignore.remove': async (target) => {
      const store = ignoreStoreOf(ctx);
      return store.ok ? store.value.remove(target) : store;
    },
  };
}

/// OCR suggestions for `text` (NFC) with the corpus's decisions applied: the ignore list, and the rejections of
/// every sidecar as of the latest corpus index (see docs/rejections.md). Without an open corpus, as they are; an
/// unreadable ignore list counts as empty (the settings view shows its problem).
export async function withCorpusOcrDecisions(ctx: HandlerContext, text: string, suggestions: Result<OcrSuggestionForApp[]>): Promise<Result<OcrSuggestionForApp[]>> {
  if (!suggestions.ok || !ctx.corpus) return suggestions;
  const store = ignoreStoreOf(ctx);
  const list = store.ok ? await store.value.read() : null;
  const ignored = list?.ok ? list.value.entries : [];
  const rejections = latestCorpusRejections(ctx.corpus.root)?.ocr;
  return ok(applyCorpusOcrDecisions(text, suggestions.value, rejections, ignored));
}

