import type { EntityImportFormat } from '../../../shared/export/format-ids';
import { parseBratAnn } from '../../../shared/export/importers/brat';
import { parseDoccano } from '../../../shared/export/importers/doccano';
import { parseLabelStudio } from '../../../shared/export/importers/label-studio';
import type { EntityFileReader } from './import-files';

/// The reader of each entity import format: the files it takes from a folder and the pure parser of
/// shared/export/importers/ that turns one file into documents and spans (code points).
export const ENTITY_READERS: Partial<Record<EntityImportFormat, EntityFileReader>> = {
  doccano: { extensions: ['.jsonl'], parse: ({ text, relPath }) => parseDoccano(text, relPath) },
  'label-studio': { extensions: ['.json'], parse: ({ text, relPath }) => parseLabelStudio(text, relPath) },
  brat: { extensions: ['.ann'], parse: async ({ text, relPath, companion }) => parseBratAnn(text, await companion('.txt'), relPath) },
};
