/// brat standoff: for each page `brat/<base>.txt` (the corrected text) and `brat/<base>.ann`
/// (`T1\tPER 3 5\t𠮷…`), and `brat/annotation.conf` listing the entity types so brat shows them.
///
/// Offsets count code points on the `.txt` as written: brat's server is Python 3 and reads the text with
/// `codecs.open(…, encoding='utf8')` in universal-newline mode (server/src/annotation.py, `open_textfile`), then
/// indexes that `str`. The text keeps LF line ends, so no newline translation can shift an offset. The files sit
/// under `brat/` so the `.txt` never collides with the plain-text export of a text page.
import { CodePointIndex } from '../../text/codepoints';
import { pageView } from '../page-view';
import type { PerPageExporter } from '../types';
import { TypeCollector } from './entity-types';
import { spansOf, type SpanOut } from './spans';

/// The folder the brat collection is written to, under the export folder.
export const BRAT_FOLDER = 'brat';

// brat's separator between the texts of a span's fragments (server/src/annotation.py, `DISCONT_SEP`).
const DISCONT_SEP = ' ';

// The types written since the last `annotation.conf` (one export runs at a time; the conf is written after the pages).
const types = new TypeCollector();

/// Two files per page; `annotation.conf` lists the default tag set's types and the others the pages used.
export const bratExporter: PerPageExporter = {
  kind: 'per-page',
  exportPage(page) {
    const view = pageView(page);
    const index = new CodePointIndex(view.corrected);
    const spans = spansOf(view, index);
    if (!spans.ok) return spans;
    const lines: string[] = [];
    for (const span of spans.spans) {
      const line = annLine(`T${lines.length + 1}`, span, index);
      if (line === null) return { ok: false, problem: { code: 'not-applicable', message: `An entity at ${span.start}–${span.end} covers only line ends, which brat cannot mark.` } };
      lines.push(line);
    }
    const typed = spans.spans.map((s) => ({ type: bratType(s.type) }));
    types.note(typed);
    return {
      ok: true,
      files: [
        { path: `${BRAT_FOLDER}/${page.base}.txt`, content: view.corrected },
        { path: `${BRAT_FOLDER}/${page.base}.ann`, content: lines.join('') },
      ],
    };
  },
  extraFiles() {
    const content = annotationConf(types.list());
    types.reset();
    return [{ path: `${BRAT_FOLDER}/annotation.conf`, content }];
  },
};

/// A type as brat can read it in an `.ann` line and in `annotation.conf`: whitespace (which separates fields there)
/// becomes `_`. Tag-set ids never contain any; a type read from a layout file might.
export function bratType(type: string): string {
  return type.replace(/\s/gu, '_');
}

/// One `T` line. A span that crosses line ends is written as brat's own editor writes one: a fragment for each
/// line's part (empty parts left out), the fragments' texts joined by a space (server/src/annotator.py,
/// `_create_span`), since the text field cannot hold a line end.
function annLine(id: string, span: SpanOut, index: CodePointIndex): string | null {
  const fragments: Array<[number, number]> = [];
  let start = span.start;
  for (const part of span.text.split('\n')) {
    const end = start + cpCount(part);
    if (end > start) fragments.push([start, end]);
    start = end + 1;
  }
  if (fragments.length === 0) return null;
  const text = fragments.map(([s, e]) => index.text.slice(index.toUtf16(s), index.toUtf16(e))).join(DISCONT_SEP);
  return `${id}\t${bratType(span.type)} ${fragments.map(([s, e]) => `${s} ${e}`).join(';')}\t${text}\n`;
}

function cpCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function annotationConf(entityTypes: readonly string[]): string {
  return `# Entity types of a Jiaodui export (brat annotation configuration).\n[entities]\n${entityTypes.map((t) => `${t}\n`).join('')}\n[relations]\n\n[events]\n\n[attributes]\n`;
}
