import { fail, ok } from '../../../shared/result';
import { PageJournals, journalFolderOf } from '../journal/page-journal';
import type { ChannelHandlers, HandlerContext } from './context';

/// The journal.* channels: the open page's unsaved work, kept for recovery after a crash.
export function journalHandlers(ctx: HandlerContext): ChannelHandlers<'journal.write' | 'journal.read' | 'journal.clear'> {
  const journals = new PageJournals(journalFolderOf(ctx.deps.stateFile));
  const failed = (error: unknown) => fail('io', 'The recovery journal could not be written.', (error as Error).message);
  return {
    'journal.write': async (entry) => {
      if (!ctx.corpus) return fail('no-corpus', 'No corpus folder is open.');
      return journals.append(ctx.corpus.root, entry).then(() => ok(null), failed);
    },
    'journal.read': async (rel) => (ctx.corpus ? ok(await journals.read(ctx.corpus.root, rel)) : fail('no-corpus', 'No corpus folder is open.')),
    'journal.clear': async (rel) => {
      if (!ctx.corpus) return fail('no-corpus', 'No corpus folder is open.');
      return journals.clear(ctx.corpus.root, rel).then(() => ok(null), failed);
    },
  };
}
