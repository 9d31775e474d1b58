import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import { suggestEntities } from '../../../shared/entities/suggest';
import { packTaggedWords, suggestForPage, taggerFor, unpackTaggedWords, type PageSuggestRequest } from '../../../shared/entities/suggest/page-request';
import { createPageState } from '../../../renderer/editor/page-state';
import { cpToPmPos, textFromDoc } from '../../../renderer/editor/text-doc';
import { workerRunner, type SuggestWorkerAnswer, type SuggestWorkerRequest } from '../../../renderer/entities/suggest-runner';
import {
  computeSuggestions,
  pageSuggestRequest,
  refreshedSince,
  shownSuggestions,
  suggestionsKey,
  type PmRange,
  type SuggestContext,
} from '../../../renderer/entities/suggestions-plugin';

// Bylines, a place, an organisation and Extension B characters (𠮷 is one code point, two UTF-16 units).
const TEXT = '𠮷记者 武跃林报道\n朔城区市场监督管理局与武跃林、𠮷林区\n记者 冯云龙\n马邑花园小区';
const context = (): SuggestContext => ({ known: new Map([['刘淑花', 'PER']]), enabled: true });
const open = (text = TEXT, ctx = context()) => createPageState({ originalText: text, text, entityView: {}, suggest: ctx });
const placed = (state: EditorState) => shownSuggestions(state).map((s) => [s.from, s.to, s.type, s.text]);

function withComputed(state: EditorState, ctx: SuggestContext): EditorState {
  return state.apply(state.tr.setMeta(suggestionsKey, { type: 'computed', doc: state.doc, suggestions: computeSuggestions(state, ctx) }));
}

describe('a whole-page suggestion request as plain data', () => {
  it('packs tagged words into strings and one typed array, and unpacks them unchanged (Extension B included)', () => {
    const words = [
      { word: '𠮷', tag: 'x' },
      { word: '记者', tag: 'n' },
      { word: ' ', tag: 'x' },
      { word: '武跃林', tag: 'nr' },
      { word: '', tag: 'x' },
    ];
    const page = packTaggedWords('𠮷记者 武跃林', words);
    expect(page.lengths).toBeInstanceOf(Uint32Array);
    expect(unpackTaggedWords(page)).toEqual(words);
    const tagger = taggerFor(page);
    expect(tagger.tag('𠮷记者 武跃林')).toEqual(words);
    // Words of another text are stale: none.
    expect(tagger.tag('𠮷记者 武跃')).toEqual([]);
  });

  it('gives what suggestEntities gives with the same corpus strings, tags, tagged spans and rejections', () => {
    const words = [{ word: TEXT, tag: 'x' }];
    const request: PageSuggestRequest = {
      text: TEXT,
      known: [['武跃林', 'PER']],
      tagged: packTaggedWords(TEXT, words),
      existing: [{ start: 25, end: 28 }],
      rejected: [{ text: '马邑花园小区', type: 'LOC' }],
    };
    const direct = suggestEntities(TEXT, {
      known: new Map([['武跃林', 'PER']]),
      tagger: { tag: () => words },
      existing: request.existing,
      rejected: request.rejected,
    });
    expect(suggestForPage(request)).toEqual(direct);
    expect(direct.some((s) => s.text === '冯云龙')).toBe(true);
    expect(direct.some((s) => s.text === '马邑花园小区')).toBe(false);
  });

  it('is made from an editor state: the page text, known strings as entries, tagged extents, and tags only for that text', () => {
    const ctx = context();
    ctx.tagged = packTaggedWords(TEXT, [{ word: TEXT, tag: 'x' }]);
    const state = open(TEXT, ctx);
    const request = pageSuggestRequest(state.doc, [], ctx);
    expect(request.text).toBe(TEXT);
    expect(request.known).toEqual([['刘淑花', 'PER']]);
    expect(request.tagged).toBe(ctx.tagged);
    ctx.tagged = packTaggedWords(TEXT + '改', [{ word: TEXT + '改', tag: 'x' }]);
    expect(pageSuggestRequest(state.doc, [], ctx).tagged).toBeUndefined();
  });
});

describe('a whole-page answer that arrives after edits', () => {
  const edits: [string, (state: EditorState) => EditorState][] = [
    ['text typed before every name', (s) => s.apply(s.tr.insertText('𠮷𠮷', 1))],
    ['a byline typed at the end', (s) => s.apply(s.tr.insertText('。记者 刘淑花', s.doc.content.size - 1))],
    ['a character typed inside a suggested name', (s) => s.apply(s.tr.insertText('新', cpToPmPos(s.doc, 12)))],
    ['a line break and a deletion', (s) => s.apply(s.tr.split(cpToPmPos(s.doc, 10)).delete(cpToPmPos(s.doc, 1), cpToPmPos(s.doc, 3)))],
  ];
  for (const [name, edit] of edits) {
    it(`is brought up to the current text as a whole-page run on it would be: ${name}`, () => {
      const ctx = context();
      const asked = open(TEXT, ctx);
      const answer = suggestForPage(pageSuggestRequest(asked.doc, [], ctx));
      const now = edit(asked);
      const refreshed = refreshedSince({ doc: asked.doc, suggestions: answer }, now.doc, [], ctx).suggestions;
      expect(refreshed).toEqual(computeSuggestions(open(textFromDoc(now.doc), ctx), ctx));
    });
  }
});

describe('underlining a whole-page answer a range at a time', () => {
  function ranges(state: EditorState, lines: number): PmRange[] {
    const out: PmRange[] = [];
    let pos = 0;
    state.doc.forEach((line, offset, index) => {
      if (index % lines === 0) out.push({ from: offset, to: offset });
      out[out.length - 1]!.to = offset + line.nodeSize;
      pos = offset + line.nodeSize;
    });
    expect(pos).toBe(state.doc.content.size);
    return out;
  }

  it('shows the first range at once and the others one "show" step each, ending as a one-step update would', () => {
    const ctx = context();
    const state = open(TEXT, ctx);
    const suggestions = computeSuggestions(state, ctx);
    // The caret's range first (here the second line), as the editor does.
    const [line1, line2, ...others] = ranges(state, 1);
    const [first, ...rest] = [line2!, line1!, ...others];
    let stepped = state.apply(state.tr.setMeta(suggestionsKey, { type: 'computed', doc: state.doc, suggestions, window: first, unshown: rest }));
    expect(shownSuggestions(stepped).every((s) => s.from >= first.from && s.to <= first.to)).toBe(true);
    expect(shownSuggestions(stepped).length).toBeGreaterThan(0);
    let steps = 0;
    while (suggestionsKey.getState(stepped)!.unshown.length > 0) {
      stepped = stepped.apply(stepped.tr.setMeta(suggestionsKey, { type: 'show' }));
      steps++;
    }
    expect(steps).toBe(rest.length);
    expect(placed(stepped)).toEqual(placed(withComputed(state, ctx)));
  });

  it('moves the ranges still to show with an edit, waits for the refresh, then ends like a fresh run on the new text', () => {
    const ctx = context();
    const state = open(TEXT, ctx);
    const suggestions = computeSuggestions(state, ctx);
    const [first, ...rest] = ranges(state, 1);
    let stepped = state.apply(state.tr.setMeta(suggestionsKey, { type: 'computed', doc: state.doc, suggestions, window: first!, unshown: rest }));
    stepped = stepped.apply(stepped.tr.insertText('𠮷', 1));
    const moved = suggestionsKey.getState(stepped)!.unshown;
    expect(moved.map((r) => [r.from, r.to])).toEqual(rest.map((r) => [r.from + 2, r.to + 2]));
    // The suggestions belong to the old text: a step now changes nothing.
    const waiting = stepped.apply(stepped.tr.setMeta(suggestionsKey, { type: 'show' }));
    expect(suggestionsKey.getState(waiting)!.unshown).toBe(moved);
    // The idle refresh brings them to the new text (keeping the ranges to show), then the steps go on.
    const { suggestions: refreshed, window } = refreshedSince({ doc: state.doc, suggestions }, stepped.doc, [], ctx);
    stepped = stepped.apply(stepped.tr.setMeta(suggestionsKey, { type: 'computed', doc: stepped.doc, suggestions: refreshed, window }));
    expect(suggestionsKey.getState(stepped)!.unshown).toBe(moved);
    while (suggestionsKey.getState(stepped)!.unshown.length > 0) stepped = stepped.apply(stepped.tr.setMeta(suggestionsKey, { type: 'show' }));
    expect(placed(stepped)).toEqual(placed(withComputed(open(textFromDoc(stepped.doc), ctx), ctx)));
  });
});

// A stand-in for a browser Worker running suggest.worker.ts: answers each message on a later task.
class FakeWorker {
  onmessage: ((event: MessageEvent<SuggestWorkerAnswer>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  posted: SuggestWorkerRequest[] = [];
  constructor(private readonly behaviour: 'answer' | 'fail-to-load' | 'throw') {}
  postMessage(message: SuggestWorkerRequest): void {
    this.posted.push(message);
    setTimeout(() => {
      if (this.terminated) return;
      if (this.behaviour === 'fail-to-load') {
        this.onerror?.({ preventDefault: () => {} } as ErrorEvent);
        return;
      }
      const answer: SuggestWorkerAnswer = this.behaviour === 'throw' ? { id: message.id, error: 'boom' } : { id: message.id, suggestions: suggestForPage(message.request) };
      this.onmessage?.({ data: answer } as MessageEvent<SuggestWorkerAnswer>);
    }, 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('the worker runner', () => {
  const request = (text: string): PageSuggestRequest => ({ text, known: [], existing: [], rejected: [] });

  it('answers with the suggestions the worker computed', async () => {
    const made: FakeWorker[] = [];
    const runner = workerRunner(() => (made.push(new FakeWorker('answer')), made.at(-1) as unknown as Worker));
    const answer = await runner.run(request(TEXT));
    expect(answer).toEqual(suggestForPage(request(TEXT)));
    expect(answer!.some((s) => s.text === '冯云龙' && s.type === 'PER')).toBe(true);
    expect(made).toHaveLength(1);
  });

  it('ends a run that a newer request supersedes (its answer is null) and answers the newer one from a fresh worker', async () => {
    const made: FakeWorker[] = [];
    const runner = workerRunner(() => (made.push(new FakeWorker('answer')), made.at(-1) as unknown as Worker));
    const older = runner.run(request(TEXT));
    const newer = runner.run(request('记者 冯云龙'));
    expect(await older).toBeNull();
    expect((await newer)!.map((s) => s.text)).toEqual(['冯云龙']);
    expect(made).toHaveLength(2);
    expect(made[0]!.terminated).toBe(true);
    runner.dispose();
    expect(made[1]!.terminated).toBe(true);
  });

  it('computes on the calling thread when the worker cannot start, and keeps doing so', async () => {
    let starts = 0;
    const runner = workerRunner(() => (starts++, new FakeWorker('fail-to-load') as unknown as Worker));
    expect(await runner.run(request(TEXT))).toEqual(suggestForPage(request(TEXT)));
    expect(await runner.run(request('记者 冯云龙'))).toEqual(suggestForPage(request('记者 冯云龙')));
    expect(starts).toBe(1);
  });

  it('rejects with a plain message when the suggesters fail in the worker', async () => {
    const runner = workerRunner(() => new FakeWorker('throw') as unknown as Worker);
    await expect(runner.run(request(TEXT))).rejects.toThrow('The entity suggesters failed: boom');
  });
});
