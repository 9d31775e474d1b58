/// Every exporter by its format name. Each format's module lives in its own folder; add it here.
import type { ExportFormatId } from './format-ids';
import type { Exporter, ExportOptions } from './types';
import { originalTextExporter, correctedTextExporter } from './formats/plain-text';
import { altoExporter } from './layout/alto-export';
import { hocrExporter } from './layout/hocr-export';
import { pageXmlExporter } from './layout/page-export';
import { teiCorpusExporter, teiPerPageExporter } from './tei/tei-exporters';
import { conllBioExporter, conllBioesExporter } from './nlp/conll';
import { webannoTsvExporter } from './nlp/webanno-tsv';
import { xmiExporter } from './nlp/xmi';
import { bratExporter } from './annotation/brat';
import { doccanoExporter } from './annotation/doccano';
import { labelStudioExporter } from './annotation/label-studio';
import { webAnnotationExporter } from './web-annotation/exporter';

/// The exporters the app has; a format missing here is not offered. (`tei` is listed with its per-page exporter;
/// `exporterFor` picks the one-document exporter when the options ask for it.)
export const EXPORTERS: Partial<Record<ExportFormatId, Exporter>> = {
  text: correctedTextExporter,
  original: originalTextExporter,
  alto: altoExporter,
  hocr: hocrExporter,
  page: pageXmlExporter,
  tei: teiPerPageExporter,
  conll: conllBioExporter,
  'conll-bioes': conllBioesExporter,
  doccano: doccanoExporter,
  'label-studio': labelStudioExporter,
  brat: bratExporter,
  xmi: xmiExporter,
  'webanno-tsv': webannoTsvExporter,
  'web-annotation': webAnnotationExporter,
};

/// The exporter that writes format `id` under `options`: the same as `EXPORTERS[id]`, except for formats whose
/// options choose between a per-page and a collection exporter (TEI's `teiGrouping`). Undefined for a format the
/// app does not have.
export function exporterFor(id: ExportFormatId, options: ExportOptions): Exporter | undefined {
  if (id === 'tei' && options.teiGrouping === 'one-document') return teiCorpusExporter;
  return EXPORTERS[id];
}
