/// Every exporter by its format name. Each format's module lives in `formats/`; add it here.
import type { ExportFormatId } from './format-ids';
import type { Exporter, ExportOptions } from './types';
import { originalTextExporter, correctedTextExporter } from './formats/plain-text';

/// The exporters the app has; a format missing here is not offered.
export const EXPORTERS: Partial<Record<ExportFormatId, Exporter>> = {
  text: correctedTextExporter,
  original: originalTextExporter,
};

/// The exporter that writes format `id` under `options` (a format whose options choose between a per-page and a
/// collection exporter picks here), or undefined for a format the app does not have.
export function exporterFor(id: ExportFormatId, _options: ExportOptions): Exporter | undefined {
  return EXPORTERS[id];
}
