// Property: whatever the editor types, a save followed by a reopen shows exactly what was saved — the text, the
// corrections (the change highlights and their hover originals) and the line links — for UTF-8 and GB18030
// originals with LF or CRLF line endings and characters outside the BMP (𠮷).
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from '../../../electron/services/page/open-page';
import { savePage } from '../../../electron/services/page/save-page';
import type { PageData, SaveRequest } from '../../../shared/ipc/contract';
import { computeLineOrigins } from '../../../shared/layout/line-links';
import { applyCorrections, computeCorrections } from '../../../shared/model/corrections';
import { makeTempCorpus, type TempCorpus } from './temp-corpus';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

// Characters an OCR page holds: Han (BMP and Extension B), full-width punctuation, Latin, digits, a decomposed é
// (NFC turns it into one code point on read), and spaces.
const charPool = ['人', '民', '日', '报', '曰', '夭', '天', '𠮷', '𡈽', '，', '。', '“', '”', 'a', 'Z', '7', ' ', 'e\u0301', '北', '京'];
const lineArb = fc.array(fc.constantFrom(...charPool), { maxLength: 12 }).map((cs) => cs.join(''));
// Each page starts with a line of real newspaper text: encoding detection (GB18030 against UTF-8 and others) needs
// some text to decide on, as it has on any real page.
const HEADLINE = '本报讯近日，朔城区连续公布了三批名单，市民出行须知。';
const originalArb = fc.array(lineArb, { minLength: 0, maxLength: 8 }).map((lines) => [HEADLINE, ...lines]);

/// One edit at a relative place of the current text (0..1), in code points.
type Edit = { kind: 'insert' | 'delete' | 'replace'; at: number; length: number; text: string };
const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 0, max: 6 }),
  text: fc.array(fc.constantFrom(...charPool, '\n'), { maxLength: 5 }).map((cs) => cs.join('')),
});

function applyEdit(text: string, edit: Edit): string {
  const cps = [...text];
  const start = Math.min(cps.length, Math.floor(edit.at * (cps.length + 1)));
  const end = edit.kind === 'insert' ? start : Math.min(cps.length, start + edit.length);
  const inserted = edit.kind === 'delete' ? '' : edit.text;
  return cps.slice(0, start).join('') + inserted + cps.slice(end).join('');
}

let corpus: TempCorpus;
beforeAll(async () => {
  corpus = await makeTempCorpus('jiaodui-roundtrip-');
});
afterAll(async () => {
  await corpus.remove();
});

async function openOk(rel: string): Promise<PageData> {
  const r = await openPage(corpus.root, rel);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function requestFor(page: PageData, text: string, withEditorCorrections: boolean): SaveRequest {
  return {
    path: page.path,
    text,
    status: 'in-progress',
    entities: [],
    sourceSha256: page.sha256,
    expectedSidecarHash: page.sidecarHash,
    ...(withEditorCorrections ? { corrections: computeCorrections(page.originalText, text.normalize('NFC')) } : {}),
  };
}

describe('save → reopen round trip (property)', () => {
  let n = 0;
  it('reopens the same text, corrections and line links, twice in a row', async () => {
    await fc.assert(
      fc.asyncProperty(
        originalArb,
        fc.constantFrom('utf8', 'gb18030'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(editArb, { maxLength: 6 }),
        fc.boolean(),
        async (lines, encoding, eol, edits, withEditorCorrections) => {
          const rel = `p${n++}.txt`;
          await corpus.put(rel, iconv.encode(lines.join(eol) + eol, encoding));
          const first = await openOk(rel);
          expect(first.originalText).toBe((lines.join('\n') + '\n').normalize('NFC'));

          const edited = edits.reduce(applyEdit, first.text);
          const saved = await savePage(corpus.root, requestFor(first, edited, withEditorCorrections), 'test');
          if (!saved.ok) throw new Error(`${saved.error.code}: ${saved.error.message}`);

          const reopened = await openOk(rel);
          const expectedText = edited.normalize('NFC');
          expect(reopened.text).toBe(expectedText);
          // The highlights and their hover originals come from the corrections: the stored ones reproduce the text
          // and are the ones the save reported.
          expect(reopened.corrections).toEqual(saved.value.corrections);
          const applied = applyCorrections(reopened.originalText, reopened.corrections);
          expect(applied.ok && applied.value).toBe(expectedText);
          // Every correction really changes something: no highlight on an unchanged character.
          for (const c of reopened.corrections) expect(c.original).not.toBe(c.corrected);
          // The line links shown after reopening are those the text and corrections give.
          const links = computeLineOrigins(reopened.originalText, reopened.text, reopened.corrections);
          if (reopened.lineOrigins) expect(reopened.lineOrigins).toEqual(links);

          // Saving the reopened page unchanged stores the same record again.
          const again = await savePage(corpus.root, requestFor(reopened, reopened.text, withEditorCorrections), 'test');
          if (!again.ok) throw new Error(`${again.error.code}: ${again.error.message}`);
          const third = await openOk(rel);
          expect(third.text).toBe(expectedText);
          expect(third.corrections).toEqual(reopened.corrections);
          expect(third.lineOrigins).toEqual(reopened.lineOrigins);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});
