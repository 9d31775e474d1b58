import type { OcrSuggestRequest } from '../../../shared/ipc/contract';
import { placeWords, type PlacedWord } from '../../../shared/entities/suggest/segmenter';
import type { OcrSuggestionForApp } from '../../../shared/ocr-assist/types';
import { compactForApp } from '../../../shared/ocr-assist/explain';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { suggestForText } from '../ocr/suggest-for-text';
import { computeCorrections } from '../../../shared/model/corrections';
import { packCorrections, type PackedCorrections } from './packed-corrections';
import { importLayout } from '../../../shared/layout/detect';
import type { LayoutError, LayoutPage } from '../../../shared/layout/types';
import type { Move } from '../../../shared/model/sidecar-schema';
import type { PageStats } from '../../../shared/model/page-stats';
import { prepareSaveFromBytes, type SaveInput } from '../page/prepare-save';
import type { TrainingPage } from '../../../shared/entities/learn/training-data';
import { trainEntityModelJob } from '../entities/learned-train-job';

/// Work that takes the main process too long to do between two requests: the first OCR suggestions build a
/// 350,000-word language model (about a second), tagging a long page with jieba takes hundreds of milliseconds, and
/// diffing or importing a page of millions of characters takes seconds.
export type TextJob =
  | { kind: 'ocr-suggest'; root: string | null; request: OcrSuggestRequest; profileFile?: string | null }
  | { kind: 'tag-words'; text: string }
  | { kind: 'corrections'; original: string; corrected: string }
  | { kind: 'import-layout'; text: string; fileName: string }
  | { kind: 'prepare-save'; input: SaveInput }
  // The learned entity model (electron/services/entities/learned-*.ts), on its own TextWorker so hours of corpus
  // never wait behind it.
  | { kind: 'train-entities'; pages: TrainingPage[] };

/// What each kind of job gives back.
export interface TextJobResults {
  'ocr-suggest': OcrSuggestionForApp[];
  'tag-words': PlacedWord[];
  /// Packed: 180,000 correction objects take the main process half a second to receive.
  corrections: PackedCorrections;
  /// The importer's own result, so its error keeps the file's line and column.
  'import-layout': Result<LayoutPage, LayoutError>;
  /// The serialised sidecar and what the save reports, its corrections packed; a refused save fails the job.
  'prepare-save': PackedPreparedSave;
  /// The stored model as JSON text; null when the pages hold no tags.
  'train-entities': string | null;
}

/// A prepared save (see `prepareSaveFromBytes`) for the trip back to the main process.
export interface PackedPreparedSave {
  /// The sidecar's UTF-8 bytes: moved to the main process without a copy (see `transferablesOf`), and written
  /// without encoding 50 MB of text there.
  serialized: Uint8Array;
  sidecarHash: string;
  modified: string;
  corrections: PackedCorrections;
  moves: Move[];
  stats: PageStats;
}

/// Does one job here, in whichever thread calls it (the text worker, or the main process when no worker can run).
export async function runTextJob(job: TextJob): Promise<Result<unknown>> {
  if (job.kind === 'ocr-suggest') {
    // Compacted here, in the worker thread, so the main process passes on a third less.
    const suggested = await suggestForText(job.root, job.request, { profileFile: job.profileFile ?? null });
    return suggested.ok ? ok(compactForApp(suggested.value)) : suggested;
  }
  if (job.kind === 'train-entities') return ok(await trainEntityModelJob(job.pages));
  if (job.kind === 'corrections') return ok(packCorrections(computeCorrections(job.original, job.corrected)));
  if (job.kind === 'import-layout') return ok(importLayout(job.text, job.fileName));
  if (job.kind === 'prepare-save') {
    const prepared = prepareSaveFromBytes(job.input);
    if (!prepared.ok) return prepared;
    const { serialized, outcome } = prepared.value;
    // TextEncoder gives an array with its own buffer, so it can be transferred.
    return ok({ serialized: new TextEncoder().encode(serialized), sidecarHash: outcome.sidecarHash, modified: outcome.modified, corrections: packCorrections(outcome.corrections), moves: outcome.moves, stats: outcome.stats } satisfies PackedPreparedSave);
  }
  let tagger: { tag(text: string): { word: string; tag: string }[] };
  try {
    // jieba is a native addon: loaded on first use, so a system where it cannot load still runs everything else.
    const { JiebaTagger } = await import('../entities/jieba-tagger');
    tagger = new JiebaTagger();
    // Tagging nothing loads the dictionary, so a failure to load is told apart from a failure to tag.
    tagger.tag('');
  } catch (error) {
    return failWith('worker.jiebaMissing', {}, (error as Error).message);
  }
  return ok(placeWords(job.text, tagger));
}

/// Loads the language model and the segmenter's dictionary ahead of the first job (in the worker thread).
export async function warmUpTextJobs(): Promise<void> {
  const { loadLanguageModel } = await import('../ocr/language-model');
  loadLanguageModel();
  await runTextJob({ kind: 'tag-words', text: '' });
}

/// The buffers of a job's result that can be moved to the other thread instead of copied: typed arrays found
/// directly in the result's value that own their whole buffer (never a slice of Node's shared Buffer pool).
export function transferablesOf(result: Result<unknown>): ArrayBuffer[] {
  if (!result.ok || typeof result.value !== 'object' || result.value === null) return [];
  const buffers: ArrayBuffer[] = [];
  for (const value of Object.values(result.value)) {
    if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength) buffers.push(value.buffer);
  }
  return buffers;
}
