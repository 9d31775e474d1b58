/// Every exporter by its format name. Each format's module lives in `formats/`; add it here.
import type { ExportFormatId } from './format-ids';
import type { Exporter, ExportOptions } from './types';
import { originalTextExporter, correctedTextExporter } from './formats/plain-text';
import { teiCorpusExporter, teiPerPageExporter } from './tei/tei-exporters';

/// The exporters the app has; a format missing here is not offered. (`tei` is listed with its per-page exporter;
/// `exporterFor` picks the one-document exporter when the options ask for it.)
export const EXPORTERS: Partial<Record<ExportFormatId, Exporter>> = {
  text: correctedTextExporter,
  original: originalTextExporter,
  tei: teiPerPageExporter,
};

/// The exporter that writes format `id` under `options`: the same as `EXPORTERS[id]`, except for formats whose
/// options choose between a per-page and a collection exporter (TEI's `teiGrouping`). Undefined for a format the
/// app does not have.
export function exporterFor(id: ExportFormatId, options: ExportOptions): Exporter | undefined {
  if (id === 'tei' && options.teiGrouping === 'one-document') return teiCorpusExporter;
  return EXPORTERS[id];
}
