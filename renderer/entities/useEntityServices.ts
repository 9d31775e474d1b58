import { afterPageShown } from '../state/after-page-shown';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { PageData } from '../../shared/ipc/contract';
import { packTaggedWords, type TaggedPage } from '../../shared/entities/suggest/page-request';
import { changedLines, spliceTaggedWords } from '../../shared/entities/suggest/retag';
import { DEFAULT_TAGSET, displayTypes, type DisplayType, type Tagset } from '../../shared/entities/tagset';
import { appSuggestRunner } from './app-suggest-runner';
import { lookOf, type TypeLook } from './entities-plugin';
import type { SuggestContext } from './suggestions-plugin';
import type { IgnoreEntry } from '../../shared/learning/ignore-list';
import type { LearnedStatus } from '../../shared/ipc/contract';
import { useLearnedModel } from './useLearnedModel';
import { wordedOf, type WordedError } from '../i18n/error-words';

/// The corpus tag set: the one function the editor asks, so where it comes from is decided here.
///
/// Reads `jiaodui.tagset.json` through the main process; falls back to the default tag set when the call fails.
export async function loadTagset(api: JiaoduiApi): Promise<{ tagset: Tagset; problem: WordedError | null }> {
  const result = await api.entityTagset();
  if (!result.ok) return { tagset: DEFAULT_TAGSET, problem: wordedOf(result.error) };
  return { tagset: result.value.tagset, problem: result.value.problem };
}

/// What the entity tools of the open page use.
export interface EntityServices {
  /// The corpus tag set now in use.
  tagset: Tagset;
  /// Uses a tag set just saved in the settings.
  setTagset(tagset: Tagset): void;
  /// The tag set's types, then types found only in the page's sidecar.
  types: DisplayType[];
  look: TypeLook;
  /// A problem with the corpus tag-set file, to show; null when fine.
  tagsetProblem: WordedError | null;
  /// The suggestion context of the open page, updated in place as the corpus index and tagger arrive.
  suggest: SuggestContext;
  /// Changes whenever `suggest` was updated, so the editor recomputes its suggestions.
  suggestVersion: number;
  /// Reloads the corpus index (after a save or a corpus-wide propagation); given the saved text, also brings
  /// jieba's tags up to it (only the changed lines are tagged again).
  refreshKnown(savedText?: string): void;
  setSuggestionsEnabled(enabled: boolean): void;
  /// Uses the corpus's ignore list as just changed (suggestions are computed again).
  setIgnored(entries: readonly IgnoreEntry[]): void;
  /// The learned entity model's status (null until known), for the entity panel.
  learned: LearnedStatus | null;
}

/// Loads the tag set once per corpus, and per opened page the corpus's known entity strings and the page's
/// part-of-speech words (jieba runs in the main process), for the suggestions.
export function useEntityServices(api: JiaoduiApi, corpusRoot: string | null, page: PageData | null, pageLoad: number): EntityServices {
  const [tagset, setTagset] = useState<Tagset>(DEFAULT_TAGSET);
  const [tagsetProblem, setTagsetProblem] = useState<WordedError | null>(null);
  const [suggestVersion, setSuggestVersion] = useState(0);
  const [knownLoad, setKnownLoad] = useState(0);

  useEffect(() => {
    if (corpusRoot === null) return;
    let live = true;
    void loadTagset(api).then(({ tagset: loaded, problem }) => {
      if (!live) return;
      setTagset(loaded);
      setTagsetProblem(problem);
    });
    return () => {
      live = false;
    };
  }, [api, corpusRoot]);

  const types = useMemo(() => displayTypes(tagset, page?.entities ?? []), [tagset, page]);
  const look = useMemo(() => lookOf(types), [types]);
  // One worker for the app's lifetime; each page's whole-page runs go there.
  const runner = useMemo(() => appSuggestRunner(), []);
  useEffect(() => () => runner.dispose(), [runner]);
  // One context per opened page; the editor reads it in place.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new context exactly when a page (re)opens
  const suggest = useMemo<SuggestContext>(() => ({ known: new Map(), enabled: true, runner }), [page, pageLoad]);

  // The text of the last save, whose changed lines are tagged again with the corpus index reload.
  const savedText = useRef<string | null>(null);
  useEffect(() => {
    if (page === null) return;
    let live = true;
    const text = savedText.current;
    savedText.current = null;
    void Promise.all([api.corpusEntityIndex(), api.ignoreList(), text === null ? null : retagged(api, suggest.tagged, text)]).then(([result, ignore, tagged]) => {
      if (!live) return;
      if (result.ok) suggest.known = new Map(Object.entries(result.value.known));
      // The corpus's rejections and ignore list (an unreadable list counts as empty; the settings show why).
      suggest.decisions = {
        rejections: result.ok ? result.value.rejections.entities : (suggest.decisions?.rejections ?? {}),
        ignored: ignore.ok ? ignore.value.entries : (suggest.decisions?.ignored ?? []),
      };
      if (tagged) suggest.tagged = tagged;
      // One new whole-page run for all of them.
      if (result.ok || ignore.ok || tagged) setSuggestVersion((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [api, page, suggest, knownLoad]);

  useEffect(() => {
    if (page === null) return;
    let live = true;
    const pageText = page.text;
    void afterPageShown()
      .then(() => (live ? api.tagWords(pageText) : null))
      .then((result) => {
        if (!live || !result?.ok) return;
        suggest.tagged = packTaggedWords(pageText, result.value);
        setSuggestVersion((n) => n + 1);
      });
    return () => {
      live = false;
    };
  }, [api, page, suggest]);

  const learned = useLearnedModel(api, corpusRoot, suggest, () => setSuggestVersion((n) => n + 1));
  const { afterSave } = learned;
  const refreshKnown = useCallback(
    (text?: string) => {
      if (text !== undefined) savedText.current = text;
      setKnownLoad((n) => n + 1);
      // Tags were saved (or propagated): the learned model trains again soon if they changed.
      afterSave();
    },
    [afterSave],
  );
  const setSuggestionsEnabled = useCallback(
    (enabled: boolean) => {
      suggest.enabled = enabled;
      setSuggestVersion((n) => n + 1);
    },
    [suggest],
  );
  const setIgnored = useCallback(
    (entries: readonly IgnoreEntry[]) => {
      suggest.decisions = { ...suggest.decisions, ignored: entries };
      setSuggestVersion((n) => n + 1);
    },
    [suggest],
  );
  const useTagset = useCallback((next: Tagset) => {
    setTagset(next);
    setTagsetProblem(null);
  }, []);
  return { tagset, setTagset: useTagset, types, look, tagsetProblem, suggest, suggestVersion, refreshKnown, setSuggestionsEnabled, setIgnored, learned: learned.status };
}

/// jieba's tags for `text`, from those of the page as it was: only the changed lines go to the main process (a few
/// lines' work instead of the whole page's); the whole text when the old words do not break at those lines.
/// Undefined when there are no tags yet (they come with the page), or when tagging failed.
async function retagged(api: JiaoduiApi, previous: TaggedPage | undefined, text: string): Promise<TaggedPage | undefined> {
  if (previous === undefined || previous.text === text) return undefined;
  const changed = changedLines(previous.text, text);
  if (changed === null) return undefined;
  const lines = await api.tagWords(text.slice(changed.start, changed.newEnd));
  const spliced = lines.ok ? spliceTaggedWords(previous, text, changed, lines.value) : null;
  if (spliced) return spliced;
  const whole = await api.tagWords(text);
  return whole.ok ? packTaggedWords(text, whole.value) : undefined;
}
