import type { CorpusInfo, CorpusLockHolder } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { acquireCorpusLock, corpusLockHolder } from '../corpus/corpus-lock';
import type { HandlerContext } from './context';

/// Takes the lock of the corpus at `realRoot` for this handler table (keeping it when that corpus is already ours,
/// giving back the previous corpus's otherwise). Returns who holds it when another program does: the corpus is
/// then opened read-only.
///
/// A folder where no lock file can be created (read-only media) is opened without a lock: nothing can be written
/// there anyway.
export async function lockCorpus(ctx: HandlerContext, realRoot: string): Promise<CorpusInfo['readOnly']> {
  if (ctx.corpusLock?.root === realRoot && (await ctx.corpusLock.verify())) return undefined;
  await releaseCorpusLock(ctx);
  const attempt = await acquireCorpusLock(realRoot, { appVersion: ctx.deps.appVersion, shell: ctx.deps.shell });
  if (attempt.kind === 'held') ctx.corpusLock = attempt.lock;
  return attempt.kind === 'busy' ? { holder: attempt.holder } : undefined;
}

/// Gives back the corpus lock this handler table holds, if any (closing, switching corpus, quitting).
export async function releaseCorpusLock(ctx: HandlerContext): Promise<void> {
  const lock = ctx.corpusLock;
  ctx.corpusLock = null;
  await lock?.release();
}

/// Null when the open corpus may be written by this handler table; otherwise the 'corpus-locked' refusal, naming
/// the program that holds the corpus (its host, pid and start time as JSON in `detail`).
///
/// The lock file is read again each time, so a lock taken over by another program (this one was judged stale)
/// makes the corpus read-only from then on.
export async function refuseUnlessWritable(ctx: HandlerContext): Promise<Result<never> | null> {
  const corpus = ctx.corpus;
  if (!corpus) return failWith('corpus.notOpen');
  if (corpus.readOnly) return corpusLocked(corpus.readOnly.holder);
  if (ctx.corpusLock === null || ctx.corpusLock.root !== corpus.root || (await ctx.corpusLock.verify())) return null;
  const holder = (await corpusLockHolder(corpus.root)) ?? { host: 'unknown', pid: 0, since: '' };
  if (ctx.corpus === corpus) ctx.corpus = { ...corpus, readOnly: { holder } };
  return corpusLocked(holder);
}

function corpusLocked(holder: CorpusLockHolder): Result<never> {
  return holder.pid > 0
    ? failWith('corpus.locked', { pid: holder.pid, host: holder.host, since: holder.since }, JSON.stringify(holder))
    : failWith('corpus.lockedUnknown', {}, JSON.stringify(holder));
}
