import { realpath } from 'node:fs/promises';
import { acquireCorpusLock } from '../services/corpus/corpus-lock';
import { EXIT, type CliIo } from './io';

/// Runs a CLI command that writes into the corpus at `root` while holding the corpus lock (`.jiaodui.lock`, shell
/// 'cli'), so it never writes while the app (or another command) has the corpus open for editing.
///
/// When another program holds the corpus, nothing runs: a plain message names it (computer, process, since when)
/// and the exit code is 1. A folder that cannot hold a lock file (read-only media) runs without one. The lock is
/// given back when `run` ends, whether it succeeds or throws.
export async function withCorpusWriteLock(root: string, io: CliIo, appVersion: string, run: () => Promise<number>): Promise<number> {
  let real: string;
  try {
    real = await realpath(root);
  } catch {
    io.stderr(`error: the corpus folder "${root}" cannot be found.`);
    return EXIT.problems;
  }
  const attempt = await acquireCorpusLock(real, { appVersion, shell: 'cli' });
  if (attempt.kind === 'busy') {
    const { holder } = attempt;
    const who = holder.pid > 0 ? `process ${holder.pid} on ${holder.host}, since ${holder.since}` : 'a program whose lock file cannot be read';
    io.stderr(
      `error: the corpus "${root}" is open for editing in another Jiaodui (${who}); nothing was changed. ` +
        'Close it there (or wait for that command to end) and run this again.',
    );
    return EXIT.problems;
  }
  try {
    return await run();
  } finally {
    if (attempt.kind === 'held') await attempt.lock.release();
  }
}
