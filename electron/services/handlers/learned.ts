import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { LearnedEntities } from '../entities/learned-service';
import { TextWorker } from '../text-worker/text-worker';
import type { ChannelHandlers, HandlerContext } from './context';
import { corpusPagesAndTexts } from './corpus-texts';

type LearnedChannel = 'entities.learnedStatus' | 'entities.learnedModel';

/// The learned entity model's channels: its status (and a retrain after saves) and the model itself.
///
/// One `LearnedEntities` per open corpus, made when the renderer first asks (a page opens); training runs on a
/// worker thread of its own, so page tagging and OCR suggestions never wait behind it.
export function learnedHandlers(ctx: HandlerContext): ChannelHandlers<LearnedChannel> {
  let current: { root: string; service: LearnedEntities } | null = null;
  let worker: TextWorker | null = null;
  const service = (): Result<LearnedEntities> => {
    const root = ctx.corpus?.root;
    if (root === undefined) return failWith('corpus.notOpen');
    if (current?.root !== root) {
      current?.service.close();
      current = {
        root,
        service: new LearnedEntities({
          stateFile: ctx.deps.stateFile,
          root,
          pages: async () => {
            const corpus = await corpusPagesAndTexts(ctx);
            return corpus.ok ? corpus.value.pages : [];
          },
          worker: () => (worker ??= new TextWorker()),
          onStatus: (status) => {
            if (ctx.corpus?.root === root) ctx.deps.emit('entities.learnedStatus', status);
          },
        }),
      };
    }
    return ok(current.service);
  };
  return {
    'entities.learnedStatus': async (options) => {
      const learned = service();
      if (!learned.ok) return learned;
      if (options?.retrain) learned.value.schedule();
      return ok(await learned.value.status());
    },
    'entities.learnedModel': async () => {
      const learned = service();
      return learned.ok ? ok(await learned.value.model()) : learned;
    },
  };
}
