import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { lineByLineSet } from '../editor/line-decorations';
import { findInDoc, type FindMatch } from './find-engine';
import type { CompiledFind } from './find-query';

/// What the find plugin holds: the query, its hits on the current text and which one is current.
export interface FindState {
  query: CompiledFind | null;
  matches: readonly FindMatch[];
  /// Index in `matches` of the current hit, or -1 when there is none.
  current: number;
  /// True after an edit until the debounced search has run again (the hits are mapped through the edit meanwhile).
  stale: boolean;
  decorations: DecorationSet;
}

/// What a transaction can ask of the find plugin (as its meta).
export type FindMeta =
  | { type: 'set'; query: CompiledFind | null }
  | { type: 'refresh' }
  | { type: 'current'; index: number };

/// The plugin's key, for reading its state and sending it metas.
export const findKey = new PluginKey<FindState>('find');

/// At most this many hits are drawn (those around the current one); the count still says how many there are.
export const MAX_DRAWN = 1000;

/// Pause after the last edit before the page is searched again, in milliseconds.
export const FIND_DEBOUNCE_MS = 150;

const EMPTY: FindState = { query: null, matches: [], current: -1, stale: false, decorations: DecorationSet.empty };

/// Highlights the hits of the find bar's query on the page, the current one apart.
///
/// The page is searched when the query changes and again `FIND_DEBOUNCE_MS` after the last edit (until then the
/// highlights move with the text); at most `MAX_DRAWN` highlights are drawn, so a one-character search on a
/// 200,000-character page stays cheap. Listeners registered with `onFindChange` hear of every new state.
export function findPlugin(debounceMs = FIND_DEBOUNCE_MS): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => EMPTY,
      apply: (tr, value, _old, state) => applyFind(tr, value, state),
    },
    props: {
      decorations: (state) => findKey.getState(state)?.decorations ?? null,
    },
    view: (view) => {
      let timer: ReturnType<typeof setTimeout> | null = null;
      return {
        update(updated, previous) {
          const now = findKey.getState(updated.state);
          if (now === findKey.getState(previous)) return;
          if (now?.stale && timer === null) {
            timer = setTimeout(() => {
              timer = null;
              if (!view.isDestroyed && findKey.getState(view.state)?.stale) view.dispatch(view.state.tr.setMeta(findKey, { type: 'refresh' } satisfies FindMeta));
            }, debounceMs);
          }
          for (const listener of listeners.get(updated) ?? []) listener();
        },
        destroy() {
          if (timer !== null) clearTimeout(timer);
          listeners.delete(view);
        },
      };
    },
  });
}

const listeners = new WeakMap<EditorView, Set<() => void>>();

/// Calls `listener` whenever the find state of `view` changes; returns the unsubscribe function.
export function onFindChange(view: EditorView, listener: () => void): () => void {
  let set = listeners.get(view);
  if (!set) listeners.set(view, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/// The find state of an editor state (empty when the plugin is absent).
export function findStateOf(state: EditorState): FindState {
  return findKey.getState(state) ?? EMPTY;
}

function applyFind(tr: Transaction, value: FindState, state: EditorState): FindState {
  const meta = tr.getMeta(findKey) as FindMeta | undefined;
  if (meta?.type === 'set') {
    if (meta.query === null) return EMPTY;
    return searched(state, meta.query, state.selection.from);
  }
  if (meta?.type === 'current') {
    if (value.matches.length === 0) return value;
    const current = ((meta.index % value.matches.length) + value.matches.length) % value.matches.length;
    return { ...value, current, decorations: drawn(state, value.matches, current) };
  }
  if (value.query === null) return value;
  if (meta?.type === 'refresh') {
    const at = value.matches[value.current];
    return searched(state, value.query, at ? at.from : state.selection.from);
  }
  if (!tr.docChanged) return value;
  // Until the next search: move the hits with the text, dropping those the edit swallowed.
  const matches: FindMatch[] = [];
  let current = -1;
  value.matches.forEach((match, i) => {
    const from = tr.mapping.map(match.from, 1);
    const to = tr.mapping.map(match.to, -1);
    if (to <= from) return;
    if (i === value.current) current = matches.length;
    matches.push({ from, to });
  });
  return { ...value, matches, current, stale: true, decorations: value.decorations.map(tr.mapping, tr.doc) };
}

// Searches the page and makes the first hit at or after `near` current (the first hit when none is after it).
function searched(state: EditorState, query: CompiledFind, near: number): FindState {
  const matches = findInDoc(state.doc, query);
  let current = matches.findIndex((m) => m.from >= near);
  if (current < 0) current = matches.length > 0 ? 0 : -1;
  return { query, matches, current, stale: false, decorations: drawn(state, matches, current) };
}

// The highlights: at most MAX_DRAWN hits around the current one, the current one marked.
function drawn(state: EditorState, matches: readonly FindMatch[], current: number): DecorationSet {
  if (matches.length === 0) return DecorationSet.empty;
  const centre = Math.max(0, current);
  const start = Math.max(0, Math.min(centre - MAX_DRAWN / 2, matches.length - MAX_DRAWN));
  const end = Math.min(matches.length, start + MAX_DRAWN);
  const decorations: Decoration[] = [];
  for (let i = start; i < end; i++) {
    const m = matches[i]!;
    decorations.push(Decoration.inline(m.from, m.to, { class: i === current ? 'find-hit find-current' : 'find-hit' }));
  }
  return lineByLineSet(state.doc, decorations);
}
