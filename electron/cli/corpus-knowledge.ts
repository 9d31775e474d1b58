import { realpath } from 'node:fs/promises';
import type { CorpusEntityDecisions } from '../../shared/entities/corpus-rejections';
import { loadModel, type LearnedModel } from '../../shared/entities/learn/model';
import type { CorpusEntityIndex } from '../../shared/ipc/contract';
import type { IgnoreEntry } from '../../shared/learning/ignore-list';
import { ok, type Result } from '../../shared/result';
import { IgnoreStore } from '../services/app/ignore-store';
import { entityIndexOfScan } from '../services/corpus/corpus-known';
import { scanCorpus } from '../services/corpus/corpus-scan';
import { LearnedEntities } from '../services/entities/learned-service';
import { trainEntityModelJob } from '../services/entities/learned-train-job';
import type { TextJob } from '../services/text-worker/jobs';
import type { TextWorker } from '../services/text-worker/text-worker';

/// What the app knows about a corpus when it suggests for one of its pages: the strings tagged anywhere, every
/// sidecar's rejections with their contexts, the "always ignore" list, and the learned entity model.
export interface CorpusKnowledge {
  /// The corpus root as the app keys its data (the real path).
  root: string;
  /// The corpus's pages (relative paths, display order), from the one scan everything here was read from.
  pages: readonly string[];
  index: CorpusEntityIndex;
  ignored: readonly IgnoreEntry[];
  /// The learned model, trained here first when the corpus has tags and the app has not trained one on them yet;
  /// undefined when the corpus holds no tags.
  model: LearnedModel | undefined;
  /// Problems met on the way (an unreadable ignore list, a model that could not be trained), worded for stderr.
  problems: string[];
}

/// Gathers what the app knows about the corpus at `root`, from the corpus and from the app's data folder beside
/// `stateFile` (appStateFile() in the CLI). `learn: false` skips the model (it costs a training when missing).
export async function readCorpusKnowledge(root: string, stateFile: string, options: { learn?: boolean } = {}): Promise<Result<CorpusKnowledge>> {
  const real = await realpath(root);
  const scanned = await scanCorpus(real);
  if (!scanned.ok) return scanned;
  const pages = scanned.value.pages.map((p) => p.path);
  const index = await entityIndexOfScan(real, scanned.value);
  const problems: string[] = [];
  const list = await new IgnoreStore(stateFile, real).read();
  if (list.ok && list.value.problem) problems.push(list.value.problem.message);
  if (!list.ok) problems.push(list.error.message);
  const ignored = list.ok ? list.value.entries : [];
  const model = options.learn === false ? undefined : await learnedModel(real, stateFile, pages, problems);
  return ok({ root: real, pages, index, ignored, model, problems });
}

/// The entity decisions the suggesters apply (see shared/entities/corpus-rejections.ts).
export function entityDecisions(knowledge: CorpusKnowledge): CorpusEntityDecisions {
  return { rejections: knowledge.index.rejections.entities, ignored: knowledge.ignored };
}

async function trainHere(job: TextJob): Promise<Result<string | null>> {
  if (job.kind !== 'train-entities') throw new Error(`The CLI trains entity models only, not ${job.kind}.`);
  return ok(await trainEntityModelJob(job.pages));
}

// The app's model for this corpus, brought up to date as the app would after its last save: trained (in this
// process, and stored where the app keeps it) when missing, unusable, or older than the corpus's tags.
async function learnedModel(root: string, stateFile: string, pages: readonly string[], problems: string[]): Promise<LearnedModel | undefined> {
  const learned = new LearnedEntities({
    stateFile,
    root,
    pages: async () => pages,
    // Trained in this process: the CLI has nothing else to do meanwhile.
    worker: () => ({ run: trainHere as TextWorker['run'] }),
    onStatus: () => undefined,
  });
  try {
    const status = await learned.train();
    if (status.problem) problems.push(status.problem.message);
    const stored = await learned.model();
    if (stored === null) return undefined;
    const loaded = loadModel(stored);
    if (!loaded.ok) problems.push(loaded.message);
    return loaded.ok ? loaded.model : undefined;
  } finally {
    learned.close();
  }
}
