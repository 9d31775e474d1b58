import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { PageData } from '../../shared/ipc/contract';
import type { PageEditorHandle } from '../editor/PageEditor';
import { createEditorChanges } from './editor-changes';
import { useErrorWords } from '../i18n/LanguageContext';
import { entityById } from './entity-index';
import type { EntityKeysOptions } from './entity-keys';
import { useEntityServices } from './useEntityServices';
import type { PlacedSuggestion } from './suggestions-plugin';

/// The entity tools around the open page: services (tag set, suggestions), the popover, the propagation dialog,
/// the count of sidecar spans that could not be placed, and the corpus index's refresh key.
export function usePageEntities(api: JiaoduiApi, root: string | null, page: PageData | null, load: number, editorRef: RefObject<PageEditorHandle | null>) {
  const services = useEntityServices(api, root, page, load);
  // The entity panel and popover follow the editor through this, without re-rendering the app.
  const changes = useMemo(() => createEditorChanges(), []);
  useEffect(() => () => changes.dispose(), [changes]);
  const [popover, setPopover] = useState<string | null>(null);
  const [propagation, setPropagation] = useState<{ text: string; type: string } | null>(null);
  const [refused, setRefused] = useState<{ load: number; count: number } | null>(null);
  // Bumped when sidecars changed (a save, a corpus-wide propagation), so the corpus index re-reads them.
  const [indexKey, setIndexKey] = useState(0);
  useEffect(() => {
    setPopover(null);
    setPropagation(null);
  }, [page, load]);

  const openPropagation = useCallback(
    (id: string) => {
      const view = editorRef.current?.getView();
      const entity = view && entityById(view.state.doc, id);
      if (!view || !entity) return;
      setPopover(null);
      setPropagation({ text: view.state.doc.textBetween(entity.from, entity.to, '\n'), type: entity.type });
    },
    [editorRef],
  );
  // "Always ignore" a suggestion in the corpus: kept by the main process, applied here to every page at once.
  const [ignoreProblem, setIgnoreProblem] = useState<string | null>(null);
  const errorWords = useErrorWords();
  const { setIgnored } = services;
  const ignoreSuggestion = useCallback(
    (suggestion: Pick<PlacedSuggestion, 'text' | 'type' | 'source'>) => {
      void api.addIgnore({ kind: 'entity', rule: suggestion.source, text: suggestion.text, type: suggestion.type }).then((result) => {
        setIgnoreProblem(result.ok ? null : errorWords(result.error));
        if (result.ok) setIgnored(result.value.entries);
      });
    },
    [api, setIgnored, errorWords],
  );
  const typesRef = useRef(services.types);
  typesRef.current = services.types;
  const keys = useMemo<EntityKeysOptions>(
    () => ({ types: () => typesRef.current, onOpenEntity: setPopover, onPropagate: openPropagation, onIgnoreSuggestion: ignoreSuggestion }),
    [openPropagation, ignoreSuggestion],
  );

  return {
    services,
    changes,
    popover,
    setPopover,
    propagation,
    setPropagation,
    openPropagation,
    keys,
    refusedCount: refused?.load === load ? refused.count : 0,
    onRefused: useCallback((count: number) => setRefused({ load, count }), [load]),
    indexKey,
    ignoreSuggestion,
    ignoreProblem,
    bumpIndex: useCallback(() => setIndexKey((n) => n + 1), []),
  };
}

/// What usePageEntities gives the app.
export type PageEntities = ReturnType<typeof usePageEntities>;
