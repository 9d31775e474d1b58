/// The reasons of sidecars, saves, batch runs, export and import (issue 16 item 5, part b): the "why" of a sidecar
/// that cannot be used (its fit to the page, its version; its JSON, schema and OS errors use the reasons of
/// shared/errors/reasons-files.ts), a busy sidecar lock, and the problems of entity-import files. Registered in `REASONS` (shared/errors/reasons.ts) with one spread; the Chinese
/// is in renderer/i18n/reasons-saves-zh.ts.
import { ERROR_MESSAGES } from './codes';

/// The reasons of part b by id, with their English and `{name}` placeholders.
export const SAVE_REASONS = {
  // Why a sidecar cannot be used, besides bad JSON (shared/model/sidecar-io.ts, electron/services/page/sidecar-file.ts).
  'sidecar.notJiaodui': { en: 'its "format" is not "jiaodui-sidecar"' },
  'sidecar.newerVersion': { en: 'it has schema version {version}; this version reads up to {supported}' },
  'sidecar.hashMismatch': { en: 'the page file has changed since its corrections were saved (its SHA-256 no longer matches the sidecar)' },
  'lock.busy': { en: 'another program (process {pid} on {host}) is writing this sidecar right now' },
  'lock.busyUnknown': { en: 'another program is writing this sidecar right now' },

  // A schema-valid sidecar that does not fit its page (shared/model/sidecar-consistency.ts), one per problem code.
  'sidecar.textNotNfc': { en: 'its corrected text is not in Unicode NFC form' },
  'sidecar.correctionsGiveOtherText': { en: 'applying its corrections to the original text does not give its stored text' },
  'sidecar.entityEmpty': { en: 'entity {id} is empty ({start}–{end})' },
  'sidecar.entityOutsideText': { en: 'entity {id} ({start}–{end}) ends after the text ({length} code points)' },
  'sidecar.entityMisquotes': { en: 'entity {id} quotes “{expected}” but the text there is “{found}”' },
  'sidecar.entityDuplicateId': { en: 'two entities share the id {id}' },
  'sidecar.lineOriginsCount': { en: 'its line origins list {listed} lines but the corrected text has {lines}' },
  'sidecar.lineOriginsRange': { en: 'its line origins name line {line}, but the original text has only {lines} lines' },
  'sidecar.rejectedEntityOutsideText': { en: 'a rejected entity place ({start}–{end}) ends after the text ({length} code points)' },
  'sidecar.rejectedCorrectionOutsideText': { en: 'a rejected correction place ({start}–{end}) does not lie inside the text ({length} code points)' },
  // Moves and corrections that do not fit the original (the shared model's own failures, as reasons).
  'model.badMove': { en: ERROR_MESSAGES['model.badMove'].en },
  'model.movesOverlap': { en: ERROR_MESSAGES['model.movesOverlap'].en },
  'model.movedOverlap': { en: ERROR_MESSAGES['model.movedOverlap'].en },
  'model.badCorrection': { en: ERROR_MESSAGES['model.badCorrection'].en },
  'model.correctionMismatch': { en: ERROR_MESSAGES['model.correctionMismatch'].en },

  // Entity-import files (shared/export/importers/*, electron/services/export/import-*.ts; the CLI's import-entities).
  'import.lineNotObject': { en: 'the line is not a JSON object' },
  'import.lineNoText': { en: 'the line has no "text"' },
  'import.notSpanList': { en: '"{key}" is not a list of spans' },
  'import.lineNoPage': { en: 'the line names no page (no "page" key, nor "meta.page")' },
  'import.badSpan': { en: 'a span is not [start, end, "TYPE"] with start < end: {value}' },
  'import.spanPastText': { en: 'the span {start}–{end} ({type}) ends past the text’s {length} characters' },
  'import.taskNotObject': { en: 'the task is not a JSON object' },
  'import.taskNoText': { en: 'the task has no text (no "data.text")' },
  'import.resultNotList': { en: 'an annotation’s "result" is not a list' },
  'import.taskNoPage': { en: 'the task names no page (no "data.page", nor "file_upload")' },
  'import.resultNotObject': { en: 'a result is not a JSON object: {value}' },
  'import.noLabels': { en: 'a labels result has no labels: {value}' },
  'import.noOffsets': { en: 'a region has no character offsets with start < end: {value}' },
  'import.regionPastText': { en: 'the region {start}–{end} ends past the text’s {length} characters' },
  'import.duplicatePage': { en: '{count} documents of the import name this page ({names}); nothing was written' },
  'import.spanOutside': { en: 'span {n} ({type} {start}–{end}, “{quote}”) lies outside the page’s text of {length} characters' },
  'import.spanNoType': { en: 'span {n} ({start}–{end}, “{quote}”) has no entity type' },
  'import.spanMisquotes': { en: 'span {n} ({type} {start}–{end}, “{quote}”) does not match the page: its text there is “{found}”' },
  'import.bratNotAnnotation': { en: 'the line is no brat annotation (it starts with none of T R E N A M # *)' },
  'import.bratBadLine': { en: 'the line is not "ID<tab>TYPE START END<tab>TEXT"' },
  'import.fragmentBackwards': { en: 'the fragment {start}–{end} ends before it starts' },
  'import.fragmentPastText': { en: 'the fragment {start}–{end} ends past the text’s {length} characters' },
  'import.spanEmpty': { en: 'the span is empty' },
  'import.bratQuoteDiffers': { en: 'the text “{quote}” is not the .txt’s “{found}” at {places}' },
  'import.discontinuous': { en: 'the span is discontinuous (not only white space between its fragments), which Jiaodui cannot hold' },
  'import.quoteShort': { en: 'the text “{quote}” is shorter than the span' },
  'import.discontinuousNoText': { en: 'the span is discontinuous, which Jiaodui cannot hold (or its .txt is needed to read it)' },
} as const satisfies Record<string, { en: string }>;
