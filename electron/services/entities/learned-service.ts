import type { LearnedStatus } from '../../../shared/ipc/contract';
import type { StoredModel } from '../../../shared/entities/learn/model';
import type { TextWorker } from '../text-worker/text-worker';
import { readTrainingPages } from './learned-pages';
import { readModelFile, writeModelFile, type ModelFile } from './learned-store';
import { worded, wordedOfError, type Worded } from '../../../shared/errors/fail-with';

/// How long after the last save training waits, so a burst of saves trains once.
export const RETRAIN_DELAY_MS = 2000;

/// What the learned-model service needs from its surroundings.
export interface LearnedDeps {
  stateFile: string;
  root: string;
  /// The pages of the corpus (relative paths), as the last scan found them.
  pages(): Promise<readonly string[]>;
  /// The worker thread training runs on.
  worker(): Pick<TextWorker, 'run'>;
  /// Told whenever the status changes (training starts or ends, a model is loaded).
  onStatus(status: LearnedStatus): void;
}

/// The learned entity model of one open corpus: loaded from the app-side data folder when the corpus opens, trained
/// again in a worker thread a little after saves (only when the tags changed), stored atomically.
///
/// A model file that cannot be used (damaged, of another version) is not an error: the corpus is read and the
/// model trained anew, overwriting it.
export class LearnedEntities {
  private file: ModelFile | null = null;
  private training = false;
  private again = false;
  private problem: Worded | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private loaded: Promise<void>;
  private closed = false;
  /// Resolves when the training running now (if any) and any it scheduled have ended (tests).
  idle: Promise<void> = Promise.resolve();

  constructor(private readonly deps: LearnedDeps) {
    this.loaded = this.load();
  }

  /// The status shown in the entity panel.
  async status(): Promise<LearnedStatus> {
    await this.loaded;
    return this.snapshot();
  }

  /// The stored model for the renderer's suggesters; null when there is none yet.
  async model(): Promise<StoredModel | null> {
    await this.loaded;
    return this.file?.stored ?? null;
  }

  /// Trains again `delayMs` after the last call (saves call it); nothing happens when the tags did not change.
  schedule(delayMs = RETRAIN_DELAY_MS): void {
    if (this.closed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.train();
    }, delayMs);
  }

  /// Trains now if the tags changed since the model was trained (or there is no model); resolves when done.
  async train(): Promise<LearnedStatus> {
    await this.loaded;
    if (this.training) {
      this.again = true;
      await this.idle;
      return this.snapshot();
    }
    this.training = true;
    this.deps.onStatus(this.snapshot());
    const run = this.run();
    this.idle = run.then(() => undefined);
    await run;
    return this.snapshot();
  }

  /// Stops any scheduled training (the corpus closes).
  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    try {
      do {
        this.again = false;
        const { pages, signature } = await readTrainingPages(this.deps.root, await this.deps.pages());
        if (this.file?.signature === signature) continue;
        if (pages.length === 0) {
          this.file = null;
          continue;
        }
        const result = await this.deps.worker().run({ kind: 'train-entities', pages });
        if (!result.ok) {
          this.problem = wordedOfError(result.error);
          continue;
        }
        if (result.value === null) continue;
        const file: ModelFile = { stored: JSON.parse(result.value) as StoredModel, signature };
        if (this.closed) return;
        await writeModelFile(this.deps.stateFile, this.deps.root, file);
        this.file = file;
        this.problem = null;
      } while (this.again && !this.closed);
    } catch (error) {
      this.problem = worded('learned.notStored', {}, `The entity model could not be trained or stored (${(error as Error).message}).`);
    } finally {
      this.training = false;
      if (!this.closed) this.deps.onStatus(this.snapshot());
    }
  }

  private async load(): Promise<void> {
    const read = await readModelFile(this.deps.stateFile, this.deps.root);
    if (read.kind === 'ok') {
      this.file = read.file;
      return;
    }
    // No model, or one that cannot be used: learn from what the corpus holds.
    if (read.kind === 'unusable') this.problem = read.why;
    this.schedule(0);
  }

  private snapshot(): LearnedStatus {
    const stats = this.file?.stored.stats;
    return {
      tags: stats?.tags ?? 0,
      pages: stats?.pages ?? 0,
      sentences: stats?.sentences ?? 0,
      trainedAt: stats?.trainedAt ?? null,
      trainingMs: stats?.trainingMs ?? null,
      training: this.training,
      problem: this.problem,
    };
  }
}
