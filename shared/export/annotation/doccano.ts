/// doccano JSONL for sequence labelling, as doccano 1.8 imports it: one JSON object a line,
/// `{"text": …, "label": [[start, end, "TYPE"], …], "page": "scans/p1.xml"}`.
///
/// Offsets count code points: doccano reads the file with Python's `json` and stores `start_offset`/`end_offset`
/// as indices into that Python `str` (doccano backend/data_import/pipeline/label.py, `SpanLabel`). Every key other
/// than the text and label columns is kept by doccano as the example's metadata
/// (backend/data_import/pipeline/builders.py, `ColumnBuilder.build`: `meta=row`) and written back on export as a
/// top-level key (backend/data_export/models.py, `ExportedExample.to_dict`), so `page` survives a trip through
/// doccano and the importer finds the page by it.
import { CodePointIndex } from '../../text/codepoints';
import { pageView } from '../page-view';
import type { CollectionExporter } from '../types';
import { spansOf } from './spans';

/// The doccano file's name in the export folder.
export const DOCCANO_FILE = 'doccano.jsonl';

/// One JSON line per page with its corrected text, its entity spans and its path.
export const doccanoExporter: CollectionExporter = {
  kind: 'collection',
  fileName: () => DOCCANO_FILE,
  start: () => '',
  page(page) {
    const view = pageView(page);
    // doccano refuses an example with an empty text ("The empty text is not allowed", data.py `TextData`).
    if (view.corrected === '') return { ok: false, problem: { code: 'not-applicable', message: 'doccano does not accept a page with no text.' } };
    const spans = spansOf(view, new CodePointIndex(view.corrected));
    if (!spans.ok) return spans;
    const label = spans.spans.map((s) => [s.start, s.end, s.type]);
    return { ok: true, chunk: `${JSON.stringify({ text: view.corrected, label, page: page.path })}\n` };
  },
  end: () => '',
};
