import { isMainThread } from 'node:worker_threads';
import { importLayout } from '../../../shared/layout/detect';
import type { LayoutError, LayoutPage } from '../../../shared/layout/types';
import { OFF_THREAD_DIFF_CODE_POINTS, OFF_THREAD_IMPORT_BYTES } from '../../../shared/limits';
import { computeCorrections } from '../../../shared/model/corrections';
import type { Correction } from '../../../shared/model/sidecar-schema';
import { ok, type Result } from '../../../shared/result';
import { unpackCorrections, unpackCorrectionsInSlices } from '../text-worker/packed-corrections';
import { prepareSaveFromBytes, type PreparedSave, type SaveInput } from './prepare-save';

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

/// Prepares a save (as `prepareSaveFromBytes`: decoding the page, judging the sidecar, the diff, line origins, the
/// consistency check, serialising, hashing), on the text worker when the page is long, so the main process keeps
/// answering during the seconds this takes on a 20 MB page. The threshold is the diff's, on the page file's bytes
/// (which bound its code points from above) and the request's text.
///
/// Small pages, and calls already on a worker thread, prepare here. Fails as `prepareSaveFromBytes`, or 'internal'
/// when the worker stops.
export async function prepareSaveOffThread(input: SaveInput): Promise<Result<PreparedSave>> {
  if (!isMainThread || input.pageBytes.length + input.req.text.length <= OFF_THREAD_DIFF_CODE_POINTS) return prepareSaveFromBytes(input);
  const { sharedTextWorker } = await import('../text-worker/text-worker');
  const packed = await sharedTextWorker().run({ kind: 'prepare-save', input });
  if (!packed.ok) return packed;
  const { serialized, sidecarHash, modified, corrections, moves, stats } = packed.value;
  return ok({ serialized, outcome: { sidecarHash, modified, corrections: await unpackCorrectionsInSlices(corrections), moves, stats } });
}
