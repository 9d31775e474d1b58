// Bench page: mounts the page editor alone with a generated 200,000-character page and records timings that
// tests/bench/editor-bench.ts reads through `window.__editorBench`.
import { createRoot } from 'react-dom/client';
import { EditorView } from 'prosemirror-view';
import { EditorState } from 'prosemirror-state';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { applyCorrections, computeCorrections } from '../../../shared/model/corrections';
import { PageEditor, type PageEditorHandle } from '../PageEditor';
import { docFromText } from '../text-doc';
import type { KeySample, PageResults } from './bench-results';
import { generatePage } from './generate-page';

// Variants, chosen on the URL: `?variant=editor` (default: PageEditor given the sidecar's corrections),
// `diff` (PageEditor diffing the page on open), `bare` (plain ProseMirror view, same schema, no highlights);
// `&cv=0` turns off the lines' content-visibility, `&readonly=1` opens the page read-only.
const query = new URLSearchParams(location.search);
const variant = query.get('variant') ?? 'editor';
if (query.get('cv') === '0') document.body.classList.add('no-cv');


/// What the bench runner reads from the page.
interface BenchResults extends PageResults {
  handle: PageEditorHandle | null;
  /// Every onDirtyChange call, in order.
  dirtyChanges: boolean[];
  /// Whether the editor's corrections turn the original into its current text.
  correctionsRebuildText(): boolean;
}

const results: BenchResults = {
  chars: 0,
  lines: 0,
  corrections: 0,
  generateMs: 0,
  mountStart: 0,
  mounted: null,
  interactive: null,
  keys: [],
  handle: null,
  dirtyChanges: [],
  correctionsRebuildText: () => {
    const handle = results.handle;
    if (handle === null) return false;
    const rebuilt = applyCorrections(page.original, handle.getCorrections());
    return rebuilt.ok && rebuilt.value === handle.getText();
  },
};
(window as unknown as { __editorBench: BenchResults }).__editorBench = results;

// Runs `callback` after the frame that follows the current one has been painted: requestAnimationFrame fires
// before style, layout and paint, a message posted from it is handled once that frame is done.
function afterNextFrame(onFrameStart: (t: number) => void, onFrameDone: (t: number) => void): void {
  requestAnimationFrame(() => {
    onFrameStart(performance.now());
    const channel = new MessageChannel();
    channel.port1.onmessage = () => onFrameDone(performance.now());
    channel.port2.postMessage(null);
  });
}

let pending: KeySample | null = null;
window.addEventListener(
  'keydown',
  (event) => {
    const sample: KeySample = { eventTime: event.timeStamp, handlerTime: performance.now(), processed: null, frameStart: null, frameDone: null };
    results.keys.push(sample);
    pending = sample;
    afterNextFrame(
      (t) => (sample.frameStart = t),
      (t) => (sample.frameDone = t),
    );
  },
  true,
);

const generateStart = performance.now();
const page = generatePage();
results.chars = Array.from(page.corrected).length;
results.lines = page.corrected.split('\n').length;
const known = variant === 'editor' ? computeCorrections(page.original, page.corrected) : undefined;
results.corrections = page.edits;
results.generateMs = performance.now() - generateStart;

function onChange(): void {
  if (pending !== null && pending.processed === null) pending.processed = performance.now();
}

results.mountStart = performance.now();
if (variant === 'bare') mountBare();
else mountEditor();

function mountBare(): void {
  const host = document.getElementById('root')!;
  host.className = 'jd-page-editor-host';
  const view: EditorView = new EditorView(host, {
    state: EditorState.create({ doc: docFromText(page.corrected), plugins: [history(), keymap(baseKeymap)] }),
    attributes: { class: 'jd-page-editor', spellcheck: 'false' },
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
      if (tr.docChanged) onChange();
    },
  });
  results.mounted = performance.now();
  afterNextFrame(
    () => undefined,
    (t) => (results.interactive = t),
  );
}

function mountEditor(): void {
createRoot(document.getElementById('root')!).render(
  <PageEditor
    ref={(handle) => {
      if (handle !== null && results.mounted === null) {
        results.mounted = performance.now();
        results.handle = handle;
        afterNextFrame(
          () => undefined,
          (t) => (results.interactive = t),
        );
      }
    }}
    pageKey="bench"
    originalText={page.original}
    text={page.corrected}
    readOnly={query.get('readonly') === '1'}
    ariaLabel="Bench page"
    onDirtyChange={(dirty) => results.dirtyChanges.push(dirty)}
    onChange={onChange}
    {...(known && { corrections: known })}
  />,
);
}
