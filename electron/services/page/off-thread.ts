import { isMainThread } from 'node:worker_threads';
import { importLayout } from '../../../shared/layout/detect';
import type { LayoutError, LayoutPage } from '../../../shared/layout/types';
import { OFF_THREAD_DIFF_CODE_POINTS, OFF_THREAD_IMPORT_BYTES } from '../../../shared/limits';
import { computeCorrections } from '../../../shared/model/corrections';
import type { Correction } from '../../../shared/model/sidecar-schema';
import { ok, type Result } from '../../../shared/result';
import { unpackCorrections } from '../text-worker/packed-corrections';

/// The corrections from `original` to `corrected` (as `computeCorrections`), worked out on the text worker when the
/// texts are long, so the main process keeps answering requests during the seconds a 7-million-character diff takes.
///
/// Short texts, and calls already on a worker thread, diff here. Fails only when the worker stops ('internal').
export async function correctionsOffThread(original: string, corrected: string): Promise<Result<Correction[]>> {
  // UTF-16 length bounds the code points from above; close enough for choosing a thread.
  if (!isMainThread || original.length + corrected.length <= OFF_THREAD_DIFF_CODE_POINTS) return ok(computeCorrections(original, corrected));
  // Loaded here, not at the top: the worker's jobs import the page reader, which imports this file.
  const { sharedTextWorker } = await import('../text-worker/text-worker');
  const packed = await sharedTextWorker().run({ kind: 'corrections', original, corrected });
  return packed.ok ? ok(unpackCorrections(packed.value)) : packed;
}

/// Imports a decoded layout file (as `importLayout`), on the text worker when it is larger than
/// `OFF_THREAD_IMPORT_BYTES`; the outer result fails only when the worker stops.
export async function importLayoutOffThread(text: string, fileName: string, bytes: number): Promise<Result<Result<LayoutPage, LayoutError>>> {
  if (!isMainThread || bytes <= OFF_THREAD_IMPORT_BYTES) return ok(importLayout(text, fileName));
  const { sharedTextWorker } = await import('../text-worker/text-worker');
  return sharedTextWorker().run({ kind: 'import-layout', text, fileName });
}
