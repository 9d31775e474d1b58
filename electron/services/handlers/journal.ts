import { ok } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { PageJournals, journalFolderOf } from '../journal/page-journal';
import type { ChannelHandlers, HandlerContext } from './context';

/// The journal.* channels: the open page's unsaved work, kept for recovery after a crash.
export function journalHandlers(ctx: HandlerContext): ChannelHandlers<'journal.write' | 'journal.read' | 'journal.clear'> {
  const journals = new PageJournals(journalFolderOf(ctx.deps.stateFile));
  const failed = (error: unknown) => failWith('journal.notWritten', {}, (error as Error).message);
  return {
    'journal.write': async (entry) => {
      if (!ctx.corpus) return failWith('corpus.notOpen');
      return journals.append(ctx.corpus.root, entry).then(() => ok(null), failed);
    },
    'journal.read': async (rel) => (ctx.corpus ? ok(await journals.read(ctx.corpus.root, rel)) : failWith('corpus.notOpen')),
    'journal.clear': async (rel) => {
      if (!ctx.corpus) return failWith('corpus.notOpen');
      return journals.clear(ctx.corpus.root, rel).then(() => ok(null), failed);
    },
  };
}
