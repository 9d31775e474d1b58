// Fuzzing the save path: random pages (CRLF, 𠮷, decomposed accents, odd characters) opened from a temp corpus,
// edited at random, saved with no, right or wrong corrections from the "editor", and sometimes with a stray entity.
// Every save gives a sidecar whose corrections turn the original into the saved text (read back by opening the page
// again), or a clean error; none throws, hangs or puts a stack trace in its message.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from '../../../electron/services/page/open-page';
import { savePage } from '../../../electron/services/page/save-page';
import type { PageData, SaveRequest } from '../../../shared/ipc/contract';
import { applyCorrections, computeCorrections } from '../../../shared/model/corrections';
import type { Correction } from '../../../shared/model/sidecar-schema';
import { cpLength } from '../../../shared/text/codepoints';
import { makeTempCorpus, type TempCorpus } from '../services/temp-corpus';
import { CASE_MS, expectCleanMessage, FUZZ_RUNS, pageText, timeoutFor } from './fuzz-support';

const RUNS = Math.max(10, Math.floor(FUZZ_RUNS / 2));
let corpus: TempCorpus;
let pageNumber = 0;
let savedCount = 0;
beforeAll(async () => {
  corpus = await makeTempCorpus('jiaodui-fuzz-save-');
});
afterAll(async () => {
  await corpus.remove();
});

// One edit in code points: delete `remove` characters at `at` (modulo the text) and insert `insert` there.
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: pageText });

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const points = Array.from(text);
  const at = e.at % (points.length + 1);
  points.splice(at, e.remove, e.insert);
  return points.join('');
}

// What the "editor" sends as its corrections: none, the right ones, or a random (usually wrong) list.
const proposal = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'right' as const }),
  fc.record({
    kind: fc.constant('random' as const),
    list: fc.array(fc.record({ start: fc.nat({ max: 40 }), end: fc.nat({ max: 40 }), original: pageText, corrected: pageText }), { maxLength: 3 }),
  }),
);

const errorCodes = ['invalid-argument', 'too-large', 'sidecar-changed', 'read-only', 'io', 'internal'];

async function openOk(rel: string): Promise<PageData> {
  const r = await openPage(corpus.root, rel);
  if (!r.ok) throw new Error(`open ${rel}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('fuzzing savePage', () => {
  it(
    'saves random edits of random pages exactly, or refuses them in plain words',
    async () => {
      await fc.assert(
        fc.asyncProperty(pageText, fc.array(edit, { maxLength: 4 }), proposal, fc.boolean(), async (original, edits, proposed, withEntity) => {
          const rel = `p${pageNumber++}.txt`;
          await corpus.put(rel, original === '' ? ' ' : original);
          const page = await openOk(rel);
          const edited = edits.reduce(applyEdit, page.text);
          let corrections: Correction[] | undefined;
          if (proposed.kind === 'right') corrections = computeCorrections(page.text, edited.normalize('NFC'));
          if (proposed.kind === 'random') corrections = proposed.list;
          const length = cpLength(edited.normalize('NFC'));
          const entities = withEntity && length > 0 ? [{ id: 'e1', start: 0, end: Math.min(2, length), type: 'PER', text: Array.from(edited.normalize('NFC')).slice(0, 2).join('') }] : [];
          const request: SaveRequest = { path: rel, text: edited, status: 'in-progress', entities, sourceSha256: page.sha256, expectedSidecarHash: page.sidecarHash };
          if (corrections) request.corrections = corrections;

          const started = performance.now();
          const saved = await savePage(corpus.root, request, 'fuzz');
          expect(performance.now() - started, 'one save took too long').toBeLessThan(CASE_MS);
          if (!saved.ok) {
            expect(errorCodes).toContain(saved.error.code);
            expectCleanMessage(saved.error.message);
            return;
          }
          savedCount++;
          const reopened = await openOk(rel);
          expect(reopened.text).toBe(edited.normalize('NFC'));
          expect(applyCorrections(page.originalText, saved.value.corrections)).toEqual({ ok: true, value: reopened.text });
        }),
        { numRuns: RUNS },
      );
      // Most cases save (refusals come from wrong entities or corrections); none saving would prove nothing.
      expect(savedCount).toBeGreaterThan(RUNS / 4);
    },
    timeoutFor(RUNS, 1000),
  );
});
