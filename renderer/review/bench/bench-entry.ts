// Accept-all bench page: the page editor's state and view on a generated 5,000-line page with 10,000 OCR spacing
// suggestions delivered to the review plugin. tests/bench/review-bench.ts drives it and reads `window.__reviewBench`.
import { undo } from 'prosemirror-history';
import { EditorView } from 'prosemirror-view';
import type { OcrSuggestion } from '../../../shared/ocr-assist/types';
import { correctionsKey, recomputeCorrections } from '../../editor/corrections-plugin';
import { createPageState } from '../../editor/page-state';
import { textFromDoc } from '../../editor/text-doc';
import { acceptRule } from '../review-commands';
import { reviewItems, reviewKey, type ReviewAction } from '../review-plugin';
import '../../editor/editor.css';
import '../review.css';

/// What the runner reads.
export interface ReviewBenchResults {
  lines: number;
  suggestions: number;
  mountMs: number;
  /// Synchronous time of the accept-all dispatch (transaction built, applied, view updated), then to the painted frame.
  acceptMs: number;
  acceptFrameMs: number;
  /// After the accept-all frame: the idle recompute of the correction highlights (the page diffed again, every
  /// highlight built), as the app's timer runs it, to its painted frame.
  highlightsFrameMs: number;
  highlights: number;
  /// The same for undoing it.
  undoMs: number;
  undoFrameMs: number;
  /// Suggestions left after the accept-all, and whether the text after undo equals the text before.
  leftAfterAccept: number;
  undoRestored: boolean;
  ready: boolean;
  done: boolean;
  run(): void;
}

const LINES = 5000;
const lines: string[] = [];
const suggestions: OcrSuggestion[] = [];
let cp = 0;
for (let i = 0; i < LINES; i++) {
  // Two spurious spaces between CJK characters on each line, and an Extension B character before them.
  const line = `第${i}行𠮷党 员年 龄的人们来了`;
  [...line].forEach((char, k) => {
    if (char === ' ') suggestions.push({ start: cp + k, end: cp + k + 1, replacement: '', rule: 'cjk-spacing', confidence: 0.9, explanation: 'space', safe: true });
  });
  lines.push(line);
  cp += [...line].length + 1;
}
const text = lines.join('\n');

const results: ReviewBenchResults = {
  lines: LINES,
  suggestions: suggestions.length,
  mountMs: 0,
  acceptMs: 0,
  acceptFrameMs: 0,
  highlightsFrameMs: 0,
  highlights: 0,
  undoMs: 0,
  undoFrameMs: 0,
  leftAfterAccept: -1,
  undoRestored: false,
  ready: false,
  done: false,
  run,
};
(window as unknown as { __reviewBench: ReviewBenchResults }).__reviewBench = results;

const mountStart = performance.now();
const host = document.getElementById('root')!;
host.className = 'jd-page-editor-host';
const view = new EditorView(host, {
  state: createPageState({ originalText: text, text, review: { rejected: [] } }),
  attributes: { class: 'jd-page-editor', spellcheck: 'false' },
});
view.dispatch(view.state.tr.setMeta(reviewKey, { type: 'set', doc: view.state.doc, suggestions } satisfies ReviewAction).setMeta('addToHistory', false));
results.mountMs = performance.now() - mountStart;
afterFrame(() => setTimeout(() => (results.ready = true), 0));

// Runs `then` once the next frame has been painted (a message posted from requestAnimationFrame arrives after it).
function afterFrame(then: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = then;
    channel.port2.postMessage(null);
  });
}

function run(): void {
  let started = performance.now();
  view.dispatch(acceptRule(view.state, 'cjk-spacing')!);
  results.acceptMs = performance.now() - started;
  results.leftAfterAccept = reviewItems(view.state).length;
  afterFrame(() => {
    results.acceptFrameMs = performance.now() - started;
    // The plugin's own idle timer would run the recompute 120 ms later; run it now and time it to its frame.
    const recomputeStarted = performance.now();
    const recompute = recomputeCorrections(view.state);
    if (recompute) view.dispatch(recompute);
    results.highlights = correctionsKey.getState(view.state)?.decorations.find().length ?? -1;
    afterFrame(() => (results.highlightsFrameMs = performance.now() - recomputeStarted));
    setTimeout(() => {
      started = performance.now();
      undo(view.state, view.dispatch);
      results.undoMs = performance.now() - started;
      results.undoRestored = textFromDoc(view.state.doc) === text;
      afterFrame(() => {
        results.undoFrameMs = performance.now() - started;
        results.done = true;
      });
    }, 200);
  });
}
