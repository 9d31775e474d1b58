/// Every exporter by its format name. Each format's module lives in `formats/`; add it here.
import type { ExportFormatId } from './format-ids';
import type { Exporter } from './types';
import { originalTextExporter, correctedTextExporter } from './formats/plain-text';
import { altoExporter } from './layout/alto-export';
import { hocrExporter } from './layout/hocr-export';
import { pageXmlExporter } from './layout/page-export';

/// The exporters the app has; a format missing here is not offered.
export const EXPORTERS: Partial<Record<ExportFormatId, Exporter>> = {
  text: correctedTextExporter,
  original: originalTextExporter,
  alto: altoExporter,
  hocr: hocrExporter,
  page: pageXmlExporter,
};
