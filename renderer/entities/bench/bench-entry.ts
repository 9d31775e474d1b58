// Entity bench page: the page editor's state and view with a generated 200,000-character page carrying 5,000
// entities, the entity and suggestion plugins and the entity keys. tests/bench/entities-editor-bench.ts drives
// it and reads `window.__entityBench`.
import { TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { findOccurrences } from '../../../shared/entities/occurrences';
import { DEFAULT_TAGSET, displayTypes } from '../../../shared/entities/tagset';
import { generatePage } from '../../editor/bench/generate-page';
import { NAMES, withEntities } from './bench-page';
import { createPageState } from '../../editor/page-state';
import { cpToPmPos, textFromDoc } from '../../editor/text-doc';
import { tagSelection } from '../entity-commands';
import { entitiesOf } from '../entity-index';
import { lookOf } from '../entities-plugin';
import { typeStyleSheet } from '../type-styles';
import { entityExtents, type SuggestContext } from '../suggestions-plugin';
import '../../editor/editor.css';

/// What the runner reads.
export interface EntityBenchResults {
  chars: number;
  entities: number;
  mountMs: number;
  /// keydown → the frame after it painted, per typed key.
  keyFrames: number[];
  /// Synchronous time of one tagging transaction (apply + view update), per tag.
  tagMs: number[];
  /// Finding the untagged occurrences of an entity's text on the page, as the preview dialog does.
  previewMs: number[];
  ready: boolean;
  putCaret(where: 'outside' | 'inside'): void;
  tagSome(count: number): void;
  previewSome(count: number): void;
}


const page = generatePage();
const { text, spans } = withEntities(page.corrected, 5000);
const types = displayTypes(DEFAULT_TAGSET, spans);
const context: SuggestContext = { known: new Map(NAMES.map((n, i) => [n, DEFAULT_TAGSET.types[i % 3]!.id])), enabled: true };
const style = document.createElement('style');
style.textContent = typeStyleSheet(lookOf(types));
document.head.append(style);

const results: EntityBenchResults = {
  chars: Array.from(text).length,
  entities: spans.length,
  mountMs: 0,
  keyFrames: [],
  tagMs: [],
  previewMs: [],
  ready: false,
  putCaret,
  tagSome,
  previewSome,
};
(window as unknown as { __entityBench: EntityBenchResults }).__entityBench = results;

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
results.mountMs = performance.now() - mountStart;
requestAnimationFrame(() => setTimeout(() => (results.ready = true), 0));

window.addEventListener(
  'keydown',
  (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => results.keyFrames.push(performance.now() - start);
      channel.port2.postMessage(null);
    });
  },
  true,
);

// Puts the caret in the middle of the page: between two entities, or inside one.
function putCaret(where: 'outside' | 'inside'): void {
  const entities = entitiesOf(view.state.doc);
  const middle = entities[Math.floor(entities.length / 2)]!;
  const pos = where === 'inside' ? middle.from + 1 : middle.to + 1;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)).scrollIntoView());
  view.focus();
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

// Exposed for checks from the runner: the page text positions of the first entity.
export const firstEntityAt = () => cpToPmPos(view.state.doc, spans[0]!.start);
