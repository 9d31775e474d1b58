/// Label Studio tasks JSON: an array of tasks, each `{"data": {"text", "page"}, "annotations": [{"result": […]}]}`
/// with one `labels` result per entity, for the named-entity config written beside (`label-studio-config.xml`).
///
/// Offsets count code points, although Label Studio's editor is JavaScript: it converts every DOM position to code
/// points "for external usage" (label-studio-frontend src/utils/selection-tools.js, `findOnPosition` and
/// `charsToCodePoints`: "In python and other modern tools complex unicode symbols handled as code points"), and its
/// backend is Python. So 𠮷 counts 1. tests/readers/label-studio.spec.ts loads this file into Label Studio's own
/// frontend (1.4.0) and reads back which characters each region highlights.
import { CodePointIndex } from '../../text/codepoints';
import { pageView } from '../page-view';
import type { CollectionExporter } from '../types';
import { TypeCollector } from './entity-types';
import { LABEL_STUDIO_CONFIG_FILE, labelStudioConfig } from './label-studio-config';
import { spansOf } from './spans';

/// The tasks file's name in the export folder.
export const LABEL_STUDIO_TASKS_FILE = 'label-studio-tasks.json';

// The types of the run's pages, for the config written after them (one export runs at a time).
const types = new TypeCollector();

/// One task per page; the config lists the default tag set's types and every other type the pages used.
///
/// A page with entities, or one marked reviewed, gets an annotation (with no entities: an empty one, which Label
/// Studio counts as labelled); any other page gets none, so Label Studio offers it for labelling.
export const labelStudioExporter: CollectionExporter = {
  kind: 'collection',
  fileName: () => LABEL_STUDIO_TASKS_FILE,
  start: () => '[\n',
  page(page, index) {
    const view = pageView(page);
    const spans = spansOf(view, new CodePointIndex(view.corrected));
    if (!spans.ok) return spans;
    // The run's first page starts the list afresh (the run may call `start` only after it).
    if (index === 0) types.reset();
    types.note(spans.spans);
    const result = spans.spans.map((s, i) => ({
      id: `e${i + 1}`,
      from_name: 'label',
      to_name: 'text',
      type: 'labels',
      origin: 'manual',
      value: { start: s.start, end: s.end, text: s.text, labels: [s.type] },
    }));
    const task: Record<string, unknown> = { data: { text: view.corrected, page: page.path } };
    if (result.length > 0 || view.status === 'reviewed') task.annotations = [{ result }];
    return { ok: true, chunk: `${index > 0 ? ',\n' : ''}${JSON.stringify(task)}` };
  },
  end: () => '\n]\n',
  extraFiles: () => [{ path: LABEL_STUDIO_CONFIG_FILE, content: labelStudioConfig(types.list()) }],
};
