import { storeModel } from '../../../shared/entities/learn/model';
import { trainModel, type TrainingPage } from '../../../shared/entities/learn/train';
import type { PosTagger } from '../../../shared/entities/suggest/types';
import type { TextEvidence } from '../../../shared/entities/learn/evidence';

// Kept for the thread's lifetime: retraining after a save runs jieba and the rules on the changed pages only.
const evidenceCache = new Map<string, TextEvidence>();

/// Trains the entity model on `pages` (in the text worker's thread) and gives it back as JSON text, or null when
/// the pages hold no tags. jieba's words are features when jieba loads; else the model learns without them.
export async function trainEntityModelJob(pages: readonly TrainingPage[]): Promise<string | null> {
  let tagger: PosTagger | undefined;
  try {
    const { JiebaTagger } = await import('./jieba-tagger');
    tagger = new JiebaTagger();
    tagger.tag('');
  } catch {
    tagger = undefined;
  }
  const model = trainModel(pages, { evidenceCache, ...(tagger && { tagger }) });
  return model ? JSON.stringify(storeModel(model)) : null;
}
