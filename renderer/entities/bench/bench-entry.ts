// Entity bench page: the page editor's state and view with a generated 200,000-character page carrying 5,000
// entities, the entity and suggestion plugins and the entity keys. tests/bench/entities-editor-bench.ts drives
// it and reads `window.__entityBench`.
import { TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { findOccurrences } from '../../../shared/entities/occurrences';
import { DEFAULT_TAGSET, displayTypes } from '../../../shared/entities/tagset';
import { generatePage } from '../../editor/bench/generate-page';
import { NAMES, withEntities } from './bench-page';
import { jumpEditor } from '../../editor/jump';
import { createPageState } from '../../editor/page-state';
import { cpToPmPos, textFromDoc } from '../../editor/text-doc';
import { tagSelection } from '../entity-commands';
import { entitiesOf, entityTextsOf } from '../entity-index';
import { lookOf } from '../entities-plugin';
import { typeStyleSheet } from '../type-styles';
import { entityExtents, shownSuggestions, suggestionsKey, type SuggestContext } from '../suggestions-plugin';
import { workerRunner } from '../suggest-runner';
import '../../editor/editor.css';

/// What the runner reads.
export interface EntityBenchResults {
  chars: number;
  entities: number;
  mountMs: number;
  /// Whether the whole-page suggestion run went to a worker (`?inthread` keeps it on the main thread).
  worker: boolean;
  /// Main-thread tasks of 50 ms or more (PerformanceObserver 'longtask') that started after mount: start (ms
  /// after mount end) and duration.
  longTasks: { start: number; duration: number }[];
  /// Mount end → the first frame's requestAnimationFrame callback (the first render is part of opening).
  firstFrameAt: number;
  /// Mount end → first whole-page suggestions shown (where the caret is), and the main-thread part of that, in
  /// ms; -1 until then.
  firstSuggestionsMs: number;
  firstApplyMs: number;
  /// Mount end → the last range of the first run underlined (`jiaodui:suggestions-show`), in ms.
  allShownMs: number;
  /// Each later step that underlines one more range of lines, in ms.
  showMs: number[];
  /// A jump to the middle of the page (selection, scroll) → the second frame after it painted, when the lines
  /// scrolled to (skipped by `content-visibility` until then) have been drawn; per jump.
  jumpMs: number[];
  /// keydown → the frame after it painted, per typed key.
  keyFrames: number[];
  /// Synchronous time of one tagging transaction (apply + view update), per tag.
  tagMs: number[];
  /// Finding the untagged occurrences of an entity's text on the page, as the preview dialog does.
  previewMs: number[];
  /// What the entity panel reads after an edit (entity list, entity texts, shown suggestions), per edit.
  panelMs: number[];
  ready: boolean;
  putCaret(where: 'outside' | 'inside'): void;
  tagSome(count: number): void;
  previewSome(count: number): void;
  panelSome(count: number): void;
}


const page = generatePage();
const { text, spans } = withEntities(page.corrected, 5000);
const types = displayTypes(DEFAULT_TAGSET, spans);
const inThread = new URLSearchParams(location.search).has('inthread');
const context: SuggestContext = {
  known: new Map(NAMES.map((n, i) => [n, DEFAULT_TAGSET.types[i % 3]!.id])),
  enabled: true,
  // As the app does (app-suggest-runner.ts), with the worker bundled beside this page by the bench runner.
  ...(!inThread && { runner: workerRunner(() => new Worker('./suggest-worker.js', { name: 'entity-suggesters' })) }),
};
const style = document.createElement('style');
style.textContent = typeStyleSheet(lookOf(types));
document.head.append(style);

const results: EntityBenchResults = {
  chars: Array.from(text).length,
  entities: spans.length,
  mountMs: 0,
  worker: !inThread,
  longTasks: [],
  firstFrameAt: -1,
  firstSuggestionsMs: -1,
  firstApplyMs: -1,
  allShownMs: -1,
  showMs: [],
  jumpMs: [],
  keyFrames: [],
  tagMs: [],
  previewMs: [],
  panelMs: [],
  ready: false,
  putCaret,
  tagSome,
  previewSome,
  panelSome,
};
(window as unknown as { __entityBench: EntityBenchResults }).__entityBench = results;

// Long tasks between mount and the first suggestions: what a user typing right after opening would wait for.
let mountEnd = Infinity;
const longTasks = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (entry.startTime >= mountEnd) results.longTasks.push({ start: entry.startTime - mountEnd, duration: entry.duration });
});
longTasks.observe({ type: 'longtask', buffered: true });
const firstRun = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const end = entry.startTime + entry.duration - mountEnd;
    if (entry.name === 'jiaodui:suggestions-page-apply' && results.firstApplyMs < 0) results.firstApplyMs = entry.duration;
    if (entry.name === 'jiaodui:suggestions-page' && results.firstSuggestionsMs < 0) results.firstSuggestionsMs = end;
    if (entry.name === 'jiaodui:suggestions-show' && results.firstSuggestionsMs >= 0 && results.allShownMs < 0) {
      results.showMs.push(entry.duration);
      // The last step empties the list of ranges to show.
      if (suggestionsKey.getState(view.state)?.unshown.length === 0) results.allShownMs = end;
    }
    if (inThread && entry.name === 'jiaodui:suggestions-refresh' && results.firstSuggestionsMs < 0) {
      results.firstSuggestionsMs = results.allShownMs = end;
      results.firstApplyMs = entry.duration;
    }
  }
});
firstRun.observe({ type: 'measure' });

const mountStart = performance.now();
const host = document.getElementById('root')!;
host.className = 'jd-page-editor-host';
const view = new EditorView(host, {
  state: createPageState({
    originalText: text,
    text,
    entities: spans,
    entityView: {},
    entityKeys: { types: () => types },
    suggest: context,
  }),
  attributes: { class: 'jd-page-editor', spellcheck: 'false' },
});
mountEnd = performance.now();
results.mountMs = mountEnd - mountStart;
requestAnimationFrame(() => {
  results.firstFrameAt = performance.now() - mountEnd;
  setTimeout(() => (results.ready = true), 0);
});

window.addEventListener(
  'keydown',
  (event) => {
    const start = event.timeStamp;
    afterFrame(() => results.keyFrames.push(performance.now() - start));
  },
  true,
);

// Puts the caret in the middle of the page: between two entities, or inside one.
function putCaret(where: 'outside' | 'inside'): void {
  const entities = entitiesOf(view.state.doc);
  const middle = entities[Math.floor(entities.length / 2)]!;
  const pos = where === 'inside' ? middle.from + 1 : middle.to + 1;
  const started = performance.now();
  // As the app's jumps do (entity panel, corpus index, go to line).
  jumpEditor(view, (state) => state.tr.setSelection(TextSelection.create(state.doc, pos)));
  afterFrame(() => afterFrame(() => results.jumpMs.push(performance.now() - started)));
}

// Runs `then` once the next frame has been painted (a message posted from requestAnimationFrame arrives after it).
function afterFrame(then: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = then;
    channel.port2.postMessage(null);
  });
}

// Tags `count` two-character stretches just after existing entities, timing each transaction.
function tagSome(count: number): void {
  const entities = entitiesOf(view.state.doc);
  for (let i = 0; i < count; i++) {
    const e = entities[Math.floor(((i + 0.5) * entities.length) / count)]!;
    const from = e.to + 1;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, from + 2)));
    const started = performance.now();
    const tr = tagSelection(view.state, 'MISC');
    if (tr) view.dispatch(tr);
    results.tagMs.push(performance.now() - started);
  }
}

function previewSome(count: number): void {
  const doc = view.state.doc;
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    findOccurrences(textFromDoc(doc), NAMES[i % NAMES.length]!, { existing: entityExtents(doc, 0, doc.content.size) });
    results.previewMs.push(performance.now() - started);
  }
}

// Types a character at `count` spread-out places and times, after each, what the entity panel reads when it
// refreshes (App.tsx: after a pause in typing): the entity list, the texts it groups by and the suggestions.
function panelSome(count: number): void {
  for (let i = 0; i < count; i++) {
    const line = Math.floor(((i + 0.5) * view.state.doc.childCount) / count);
    let pos = 1;
    for (let k = 0; k < line; k++) pos += view.state.doc.child(k).nodeSize;
    view.dispatch(view.state.tr.insertText('b', pos));
    const started = performance.now();
    const entities = entitiesOf(view.state.doc);
    const texts = entityTextsOf(view.state.doc);
    const byText = new Map<string, number>();
    for (const e of entities) byText.set(texts.get(e.id) ?? '', (byText.get(texts.get(e.id) ?? '') ?? 0) + 1);
    shownSuggestions(view.state);
    results.panelMs.push(performance.now() - started);
  }
}

// Exposed for checks from the runner: the page text positions of the first entity.
export const firstEntityAt = () => cpToPmPos(view.state.doc, spans[0]!.start);
