import { pageView } from '../../../../shared/export/page-view';
import type { EntityFileReader } from '../../../../electron/services/export/import-files';
import type { ImportParse } from '../../../../shared/export/import-types';
import type { CollectionExporter, ExportPage, PerPageExporter } from '../../../../shared/export/types';

/// A collection format for the pipeline tests: one line per page, `<index>\t<path>\t<corrected text with \n as ⏎>`
/// between a head and a tail line, plus a config file written once; `onPage` sees each page as it comes.
export function linesExporter(options: { fileName?: string; onPage?: (page: ExportPage, index: number) => void; chunk?: (page: ExportPage) => string } = {}): CollectionExporter {
  return {
    kind: 'collection',
    fileName: () => options.fileName ?? 'pages.lines',
    start: (context) => `# head ${context.startedAt}\n`,
    page: (page, index) => {
      options.onPage?.(page, index);
      if (page.originalText.startsWith('SKIP')) return { ok: false, problem: { code: 'invalid-page', message: 'This page says to skip it.' } };
      const text = options.chunk?.(page) ?? pageView(page).corrected.replace(/\n/g, '⏎');
      return { ok: true, chunk: `${index}\t${page.path}\t${text}\n` };
    },
    end: () => '# tail\n',
    extraFiles: () => [{ path: 'lines.conf', content: 'lines config\n' }],
  };
}

/// A per-page format for the pipeline tests: `<base>.spans.json`, the page's entity spans as JSON (the page path
/// and scan image included), only for text pages (others are 'not-applicable').
export const spansExporter: PerPageExporter = {
  kind: 'per-page',
  exportPage: (page) => {
    if (page.source.format !== 'text') return { ok: false, problem: { code: 'not-applicable', message: 'Only text pages.' } };
    const view = pageView(page);
    return { ok: true, files: [{ path: `${page.base}.spans.json`, content: JSON.stringify({ page: page.path, scan: page.scan, text: view.corrected, spans: view.entities }) }] };
  },
};

/// A per-page format that throws on pages whose text contains "BOOM" (an exporter bug), else writes `<base>.ok`.
export const throwingExporter: PerPageExporter = {
  kind: 'per-page',
  exportPage: (page) => {
    if (page.originalText.includes('BOOM')) throw new Error('exporter bug');
    return { ok: true, files: [{ path: `${page.base}.ok`, content: 'ok' }] };
  },
};

/// A small annotation format for the import tests, standing in for doccano until its parser lands: one JSON line
/// per page, `{"page": <path>, "text": <corrected text>, "spans": [[start, end, type], …]}`, offsets in code points.
export const spansJsonlExporter: CollectionExporter = {
  kind: 'collection',
  fileName: () => 'spans.jsonl',
  start: () => '',
  page: (page) => {
    const view = pageView(page);
    return { ok: true, chunk: JSON.stringify({ page: page.path, text: view.corrected, spans: view.entities.map((e) => [e.start, e.end, e.type]) }) + '\n' };
  },
  end: () => '',
};

/// The reader of that format: each line a document, each span's quote cut from the line's text (code points).
export const spansJsonlReader: EntityFileReader = {
  extensions: ['.jsonl'],
  parse: ({ text, relPath }) => {
    const parse: ImportParse = { documents: [], problems: [] };
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const data = JSON.parse(line) as { page: string; text: string; spans: [number, number, string][] };
        const chars = Array.from(data.text);
        parse.documents.push({ page: data.page, text: data.text, spans: data.spans.map(([start, end, type]) => ({ start, end, type, quote: chars.slice(start, end).join('') })) });
      } catch {
        parse.problems.push({ where: `${relPath}:${i + 1}`, code: 'malformed', message: 'Not a JSON line.' });
      }
    });
    return parse;
  },
};
