import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../disk/atomic-write';
import { corpusDataDir } from '../app/corpus-data-dir';
import { loadModel, type LearnedModel, type StoredModel } from '../../../shared/entities/learn/model';
import { worded, type Worded } from '../../../shared/errors/fail-with';
import { withReason } from '../../../shared/errors/reasons';

/// The learned entity model's file in a corpus's app-side data folder.
export const MODEL_FILE = 'entity-model.json';

/// A stored model with the signature of the training material it was trained on.
export interface ModelFile {
  stored: StoredModel;
  /// See `readTrainingPages`: equal signatures mean nothing to learn since.
  signature: string;
}

/// What reading the model file found: a usable model, no file, or a file that cannot be used (then the caller
/// retrains and overwrites it; it is app data, never the corpus's).
export type ModelRead = { kind: 'ok'; file: ModelFile; model: LearnedModel } | { kind: 'none' } | { kind: 'unusable'; why: Worded };

/// Reads the model of the corpus at `root` (app state beside `stateFile`).
export async function readModelFile(stateFile: string, root: string): Promise<ModelRead> {
  let text: string;
  try {
    text = await readFile(path.join(corpusDataDir(stateFile, root), MODEL_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'unusable', why: worded('learned.unreadable', {}, `The entity model cannot be read (${(error as Error).message}).`) };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'unusable', why: worded('learned.notJson') };
  }
  const loaded = loadModel(data);
  // The loader's reason is worded on screen in the UI language.
  if (!loaded.ok) return { kind: 'unusable', why: worded('learned.invalid', withReason({}, 'problem', loaded.reason)) };
  const signature = (data as { signature?: unknown }).signature;
  return { kind: 'ok', file: { stored: data as StoredModel, signature: typeof signature === 'string' ? signature : '' }, model: loaded.model };
}

/// Writes the model atomically (readers see the old file or the new one), creating the data folder and its
/// `root.txt` (naming the corpus for a person looking at the folder) when missing.
export async function writeModelFile(stateFile: string, root: string, file: ModelFile): Promise<void> {
  const dir = corpusDataDir(stateFile, root);
  await mkdir(dir, { recursive: true });
  try {
    await writeFile(path.join(dir, 'root.txt'), `${path.resolve(root)}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  await writeFileAtomic(path.join(dir, MODEL_FILE), JSON.stringify({ ...file.stored, signature: file.signature }));
}
