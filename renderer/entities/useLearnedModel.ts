import { useCallback, useEffect, useRef, useState } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { LearnedStatus } from '../../shared/ipc/contract';
import { loadModel, type LearnedModel, type StoredModel } from '../../shared/entities/learn/model';
import type { SuggestContext } from './suggestions-plugin';

/// The learned entity model of the open corpus for the suggesters, and its status for the entity panel.
export interface LearnedModelState {
  /// Null until the main process answered (or when no corpus is open).
  status: LearnedStatus | null;
  /// Asks the main process to train again soon if the tags changed (after a save).
  afterSave(): void;
}

/// Fetches the model when the corpus opens and whenever the main process reports a newly trained one, and puts it
/// into each page's suggestion context (`suggest`); `onModel` is told so the editor runs the suggesters again.
export function useLearnedModel(api: JiaoduiApi, corpusRoot: string | null, suggest: SuggestContext, onModel: () => void): LearnedModelState {
  const [status, setStatus] = useState<LearnedStatus | null>(null);
  const current = useRef<{ trainedAt: string; stored: StoredModel; model: LearnedModel } | null>(null);
  const latest = useRef({ suggest, onModel });
  latest.current = { suggest, onModel };

  const fetchModel = useCallback(
    async (trainedAt: string | null) => {
      if (trainedAt === null || current.current?.trainedAt === trainedAt) return;
      const answer = await api.learnedModel();
      if (!answer.ok || answer.value === null) return;
      const loaded = loadModel(answer.value);
      if (!loaded.ok) return;
      current.current = { trainedAt: answer.value.stats.trainedAt, stored: answer.value, model: loaded.model };
      const { suggest: context, onModel: notify } = latest.current;
      context.storedModel = answer.value;
      context.model = loaded.model;
      notify();
    },
    [api],
  );

  useEffect(() => {
    current.current = null;
    setStatus(null);
    if (corpusRoot === null) return;
    let live = true;
    const off = api.on('entities.learnedStatus', (next) => {
      if (!live) return;
      setStatus(next);
      void fetchModel(next.trainedAt);
    });
    void api.learnedStatus().then((answer) => {
      if (!live || !answer.ok) return;
      setStatus(answer.value);
      void fetchModel(answer.value.trainedAt);
    });
    return () => {
      live = false;
      off();
    };
  }, [api, corpusRoot, fetchModel]);

  // Each opened page has a fresh context: give it the model at hand.
  useEffect(() => {
    if (current.current === null) return;
    suggest.storedModel = current.current.stored;
    suggest.model = current.current.model;
  }, [suggest]);

  const afterSave = useCallback(() => {
    void api.learnedStatus({ retrain: true }).then((answer) => {
      if (answer.ok) setStatus(answer.value);
    });
  }, [api]);
  return { status, afterSave };
}
