import { randomBytes } from 'node:crypto';
import type { CorpusEntityIndex } from '../../../shared/ipc/contract';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { CorpusEntityIndexer } from '../entities/corpus-entity-index';
import { applyCorpusPropagation, undoCorpusPropagation, type AppliedPage } from '../entities/propagation-apply';
import { previewCorpusPropagation } from '../entities/propagation-preview';
import { readTagsetFile, writeTagsetFile } from '../entities/tagset-file';
import type { TextWorker } from '../text-worker/text-worker';
import type { ChannelHandlers, HandlerContext } from './context';
import { corpusPagesAndTexts, noteWritten } from './corpus-texts';
import { refuseUnlessWritable } from './corpus-write-gate';

type EntityChannel =
  | 'entities.tagset'
  | 'entities.saveTagset'
  | 'entities.tagWords'
  | 'entities.corpusIndex'
  | 'entities.propagationPreview'
  | 'entities.propagationApply'
  | 'entities.propagationUndo';

// Progress events at most this often (plus the last one).
const PROGRESS_INTERVAL_MS = 100;

// Undo records kept in memory (newest last); older propagations can no longer be undone from the app.
const UNDO_HISTORY = 20;

/// The entities.* channels: the corpus tag set, jieba part-of-speech words, the corpus entity index and
/// corpus-wide propagation with undo.
///
/// The index cache and the undo records live here, in memory, for the open corpus; reopening the app forgets
/// the undo records (the spans stay, and can be removed in each page).
export function entitiesHandlers(ctx: HandlerContext, textWorker: TextWorker): ChannelHandlers<EntityChannel> {
  let indexer: { root: string; instance: CorpusEntityIndexer; pages: readonly string[] | null } | null = null;
  const undo = new Map<string, { root: string; applied: AppliedPage[] }>();
  // The index build running now (or the last one), which the next request waits for.
  let indexBuilds: Promise<unknown> = Promise.resolve();

  const progress = () => {
    let last = 0;
    return (done: number, total: number) => {
      const now = Date.now();
      if (done !== total && now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      ctx.deps.emit('entities.propagationProgress', { done, total });
    };
  };
  const corpusRoot = (): Result<string> => (ctx.corpus ? ok(ctx.corpus.root) : failWith('corpus.notOpen'));
  // The corpus entity index, re-reading only the sidecars that may have changed since the last build.
  const buildIndex = async (refresh: boolean): Promise<Result<CorpusEntityIndex>> => {
    const root = corpusRoot();
    if (!root.ok) return root;
    const corpus = await corpusPagesAndTexts(ctx);
    if (!corpus.ok) return corpus;
    const pages = corpus.value.pages;
    if (indexer?.root !== root.value) indexer = { root: root.value, instance: new CorpusEntityIndexer(root.value), pages: null };
    // Every sidecar is checked on request, and after each new scan; otherwise only those the app wrote since.
    const full = refresh || indexer.pages !== pages;
    const changed = new Set(ctx.changedSidecars);
    ctx.changedSidecars.clear();
    indexer.pages = pages;
    return ok(await indexer.instance.build(pages, { full, changed }));
  };
  return {
    'entities.tagset': async () => {
      const root = corpusRoot();
      return root.ok ? readTagsetFile(root.value) : root;
    },
    'entities.saveTagset': async (request) => {
      const refused = await refuseUnlessWritable(ctx);
      if (refused) return refused;
      const root = corpusRoot();
      return root.ok ? writeTagsetFile(root.value, request) : root;
    },
    'entities.tagWords': async (text) => textWorker.run({ kind: 'tag-words', text }),
    'entities.corpusIndex': (options) => {
      // One build at a time: a request made while another builds would find the written sidecars already taken
      // by it, and trust index entries it has not updated yet.
      const build = indexBuilds.then(() => buildIndex(options?.refresh === true));
      indexBuilds = build.catch(() => undefined);
      return build;
    },
    'entities.propagationPreview': async (request) => {
      const corpus = await corpusPagesAndTexts(ctx);
      if (!corpus.ok) return corpus;
      return previewCorpusPropagation(corpus.value.realRoot, corpus.value.pages, request, corpus.value.cache);
    },
    'entities.propagationApply': async (request) => {
      const refused = await refuseUnlessWritable(ctx);
      if (refused) return refused;
      const root = corpusRoot();
      if (!root.ok) return root;
      const applied = await applyCorpusPropagation(root.value, request, ctx.deps.appVersion, progress());
      if (!applied.ok) return applied;
      noteWritten(ctx, applied.value.applied.map((page) => page.path));
      let undoToken: string | null = null;
      if (applied.value.applied.length > 0) {
        undoToken = randomBytes(16).toString('hex');
        undo.set(undoToken, { root: root.value, applied: applied.value.applied });
        while (undo.size > UNDO_HISTORY) undo.delete(undo.keys().next().value!);
      }
      return ok({ undoToken, pages: applied.value.pages, added: applied.value.added });
    },
    'entities.propagationUndo': async (token) => {
      const refused = await refuseUnlessWritable(ctx);
      if (refused) return refused;
      const root = corpusRoot();
      if (!root.ok) return root;
      const record = undo.get(token);
      if (!record || record.root !== root.value) {
        return failWith('propagation.cannotUndo');
      }
      const undone = await undoCorpusPropagation(root.value, record.applied, ctx.deps.appVersion, progress());
      if (!undone.ok) return undone;
      noteWritten(ctx, undone.value.pages.filter((page) => page.outcome === 'done').map((page) => page.path));
      // Pages that were refused stay undoable under the same token, e.g. after the other change is reverted.
      if (undone.value.remaining.length === 0) undo.delete(token);
      else record.applied = undone.value.remaining;
      return ok({ pages: undone.value.pages, removed: undone.value.removed });
    },
  };
}
