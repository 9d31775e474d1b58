import { z } from 'zod';
import type { MessageValues, WordedProblem } from '../errors/fail-with';
import type { MessageId } from '../errors/codes';
import type { RejectionTallies } from '../learning/rejection-context';
import { ignoreTargetSchema, type IgnoreList } from '../learning/ignore-list';
import type { Result } from '../result';
import type { OcrSuggestionForApp } from '../ocr-assist/types';
import {
  REVIEW_STATUSES,
  correctionSchema,
  moveSchema,
  entitySchema,
  rejectedCorrectionSchema,
  rejectedEntitySchema,
  MAX_NOTE_LENGTH,
  type Correction,
  type EntitySpan,
  type Move,
  type RejectedCorrection,
  type RejectedEntity,
  type ReviewStatus,
  type SourceFormat,
} from '../model/sidecar-schema';
import { tagsetSchema, type Tagset } from '../entities/tagset';
import type { StoredModel } from '../entities/learn/model';
import { pendingCountsSchema, type PageListStats, type TopEntity } from '../model/page-stats';
import { EXPORT_FORMATS, type ExportFormatId } from '../export/format-ids';

/// A path relative to the open corpus, with `/` separators, as the renderer names pages.
///
/// The schema only checks shape; the main process also confines it to the corpus on disk.
export const relativePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'path contains a NUL character');

/// UI languages.
export const LANGUAGES = ['en', 'zh-CN'] as const;
/// A UI language code.
export type Language = (typeof LANGUAGES)[number];

/// One page of the corpus: the files that share a base name.
export interface PageEntry {
  /// Path of the page's text file relative to the corpus root (`/`-separated); the page's identity.
  path: string;
  /// Group key: the relative path without extension; a scan image or layout file with the same key joins the page.
  base: string;
  /// Other files of the page group (images, layout XML), relative paths.
  companions: string[];
  bytes: number;
  mtimeMs: number;
  /// Review status from the sidecar, or null when the page has no sidecar yet.
  status: ReviewStatus | null;
  /// What `path` is: a plain text file or a layout file whose text the importer builds (absent: 'text').
  source?: SourceFormat;
  /// Sidecars of the group's other text sources (saved while another source was chosen), relative paths.
  otherSidecars?: string[];
  /// What the page's sidecar holds (corrections, entities, note, pending counts) for the page list and the
  /// dashboard; absent when the page has no readable sidecar. Without the top entities (corpus.topEntities).
  stats?: PageListStats;
}

// ---- Scans: text source precedence per corpus (issue 6) ----

/// Where page text comes from when a page has both a `.txt` and a layout file: 'layout' (PAGE > ALTO > hOCR,
/// the default) or 'text'. A page with only one of them uses it either way.
export const TEXT_SOURCES = ['layout', 'text'] as const;
/// One text source setting.
export type TextSource = (typeof TEXT_SOURCES)[number];

/// The corpus settings kept in `jiaodui.corpus.json` at the corpus root.
export interface CorpusSettings {
  textSource: TextSource;
  /// The settings file, relative to the corpus root.
  file: string;
  /// Why the settings file could not be used (the defaults apply), or null; English for logs, worded by id.
  problem: Omit<WordedProblem, 'path'> | null;
}

/// The open corpus.
export interface CorpusInfo {
  /// Absolute path of the corpus root, for display.
  root: string;
  name: string;
  /// Present when another program (another app window, harness or the command line) holds the corpus lock: the
  /// corpus is then open read-only here and every writing request is refused with 'corpus-locked'.
  readOnly?: { holder: CorpusLockHolder };
}

/// Who holds a corpus's lock (`.jiaodui.lock` at its root), as its lock file says.
export interface CorpusLockHolder {
  host: string;
  /// The holder's process id (0 when the lock file could not be read).
  pid: number;
  /// When the holder took the lock (ISO time; empty when unknown).
  since: string;
  shell?: string;
  appVersion?: string;
}

/// How the page file's bytes were decoded.
export interface EncodingInfo {
  /// Canonical encoding name: UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5, …
  name: string;
  /// 0..1; 1 when decided by a byte-order mark or strict UTF-8 validity.
  confidence: number;
  bom: boolean;
}

/// Why a page is open read-only.
export type ReadOnlyReason =
  | 'sidecar-invalid-json'
  | 'sidecar-schema'
  | 'sidecar-newer-version'
  | 'sidecar-hash-mismatch'
  | 'sidecar-foreign'
  /// Another program holds the corpus (see CorpusInfo.readOnly): nothing may be written.
  | 'corpus-locked'
  /// Schema-valid, but it does not fit the page (see `sidecarProblems`): corrections that do not give its text,
  /// entities outside the text or not quoting it, duplicate entity ids, line origins or rejected places that do
  /// not fit.
  | 'sidecar-inconsistent';

/// Why a page is read-only: a reason code, the English message (logs, the English UI's tooltip), and what exactly
/// is wrong when the checker says (the JSON's line and column, the first schema issue or consistency problem): a
/// reason flattened under `problem` (shared/errors/reasons.ts `withReason`) with `more`, the number of further
/// problems, for the renderer to word in the UI language.
export interface ReadOnlyInfo {
  reason: ReadOnlyReason;
  message: string;
  why?: MessageValues;
}

/// One layout line of a page's scan, linked to the page text.
export interface ScanLine {
  /// The 0-based line of the page text this layout line belongs to, or null when no text line fits it.
  textLine: number | null;
  /// Where the line sits on the scan, in image pixels.
  region: { x: number; y: number; width: number; height: number };
  /// The OCR engine's confidence in the line, 0..1, or null when the layout file does not say.
  confidence: number | null;
  /// Per code point of text line `textLine` (original text), the engine's confidence 0..1 or null where none is
  /// known; absent when the layout file gives no confidences or the line is not linked.
  charConfidences?: (number | null)[];
}

/// The scan beside a page: its layout file, its image and where each line is on it.
export interface PageScan {
  /// The layout file the regions come from (relative path).
  layoutFile: string;
  /// The image companion to show (relative path; .jpg, .jpeg or .png), or null when the page has none.
  image: string | null;
  /// Size of the scan in pixels, from the layout file (or the union of the line regions when it does not say).
  imageWidth: number;
  imageHeight: number;
  /// The layout lines that have a region, in reading order.
  lines: ScanLine[];
}

/// An image file read for the scan viewer.
export interface ScanImage {
  /// TIFF is sent as it is; the renderer decodes it (browsers cannot show TIFF).
  mime: 'image/jpeg' | 'image/png' | 'image/tiff';
  base64: string;
}

/// Everything the renderer needs to show and edit one page.
export interface PageData {
  path: string;
  encoding: EncodingInfo;
  lineEnding: 'LF' | 'CRLF' | 'CR' | 'mixed' | 'none';
  bytes: number;
  sha256: string;
  /// The original OCR text: decoded, NFC, line endings turned into LF.
  originalText: string;
  /// Undecodable byte sequences, shown as U+FFFD in `originalText`; 1-based line numbers where they occur.
  undecodable: { count: number; lines: number[] };
  /// The corrected text to show: the sidecar's, or the original when there is no (usable) sidecar.
  text: string;
  corrections: Correction[];
  entities: EntitySpan[];
  /// Suggestions the editor rejected on this page (from the sidecar), so they are not shown again.
  rejectedEntities: RejectedEntity[];
  rejectedCorrections: RejectedCorrection[];
  status: ReviewStatus;
  /// The page note from the sidecar (issue 16: why the page needs attention); absent when it has none.
  note?: string;
  /// SHA-256 of the sidecar file's bytes as loaded (null when there was none); saving checks it is unchanged.
  sidecarHash: string | null;
  sidecarModified: string | null;
  /// Non-null when the page may be viewed but not saved, with the reason shown to the user.
  readOnly: ReadOnlyInfo | null;
  /// Notices to show (empty file, undecodable bytes, …) in English; the renderer translates by code.
  notices: { code: 'empty-file' | 'undecodable-bytes' | 'low-confidence-encoding' | 'other-source-sidecar'; message: string }[];
  /// The scan and its line regions when the page has a layout companion (.hocr or layout .xml), else null.
  scan: PageScan | null;
  /// Why the layout companion could not be read (the page opens without its scan), else null; worded by id.
  scanError: Omit<WordedProblem, 'path'> | null;
  /// What the original text was read from (absent: 'text').
  sourceFormat?: SourceFormat;
  /// The sidecar's stored line origins (one entry per line of `text`), when it has them.
  lineOrigins?: number[][];
  /// The sidecar's block moves (the original in corrected reading order); `corrections` are on the original with
  /// them applied. Absent: none.
  moves?: Move[];
}

/// Arguments of page.save.
export const saveRequestSchema = z.strictObject({
  path: relativePathSchema,
  text: z.string().max(50_000_000),
  status: z.enum(REVIEW_STATUSES),
  entities: z.array(entitySchema).max(1_000_000),
  /// The editor's own corrections of `text` against the original, if it has them. The main process checks that
  /// they turn the original into `text` (linear time) and otherwise diffs the page itself, so a stale or wrong
  /// list can never be stored.
  corrections: z.array(correctionSchema).max(5_000_000).optional(),
  /// The editor's block moves, which its corrections are on; when absent, the sidecar's stored ones are kept.
  moves: z.array(moveSchema).max(1_000_000).optional(),
  /// Rejected suggestions to store; when absent, the sidecar's stored ones are kept.
  rejectedEntities: z.array(rejectedEntitySchema).max(1_000_000).optional(),
  rejectedCorrections: z.array(rejectedCorrectionSchema).max(1_000_000).optional(),
  /// The page note (issue 16): when absent, the saved one is kept; an empty or blank one removes it.
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  /// What was still waiting for the editor at this save (low-confidence characters, OCR and entity suggestions),
  /// kept in the corpus index for the dashboard (issue 16); absent: not counted.
  pending: pendingCountsSchema.optional(),
  /// The page file hash the renderer loaded: saving refuses if the page file changed.
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /// The sidecar hash the renderer loaded (null: there was none); saving refuses if the sidecar changed since.
  expectedSidecarHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
});
/// A request to save one page.
export type SaveRequest = z.infer<typeof saveRequestSchema>;

/// What a successful save reports.
export interface SaveOutcome {
  sidecarHash: string;
  modified: string;
  corrections: Correction[];
  moves: Move[];
  /// The saved page's statistics (corrections by hand and by rule, entities, note, pending counts) for the page list.
  stats: PageListStats;
}

/// Which pages an export covers: named pages (this page, the selected pages), the pages whose review status is
/// one of `statuses` (a page without a sidecar counts as 'unreviewed'), or the whole corpus.
export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pages'), pages: z.array(relativePathSchema).min(1).max(1_000_000) }),
  z.strictObject({ kind: z.literal('status'), statuses: z.array(z.enum(REVIEW_STATUSES)).min(1).max(REVIEW_STATUSES.length) }),
  z.strictObject({ kind: z.literal('all') }),
]);
/// The pages of one export.
export type ExportScope = z.infer<typeof exportScopeSchema>;

/// The export options (see `ExportOptions` in shared/export/types.ts).
export const exportOptionsSchema = z.strictObject({
  teiGrouping: z.enum(['per-page', 'one-document']),
  lineBreaks: z.enum(['original', 'paragraphs']),
  nestedSpans: z.enum(['outermost', 'innermost']),
});

/// Arguments of export.run: the formats (several at once), the pages, the options. The destination is the folder
/// chosen through export.chooseFolder; the renderer never names a path.
export const exportRequestSchema = z.strictObject({
  formats: z.array(z.enum(EXPORT_FORMATS)).min(1).max(EXPORT_FORMATS.length),
  scope: exportScopeSchema,
  options: exportOptionsSchema,
});
/// A request to export.
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/// One problem of an export: the page (or '' for the run), the format when it concerns one, a code the renderer
/// words, and the main process's English words for logs and the command line.
export interface ExportProblem {
  path: string;
  format?: ExportFormatId;
  code: string;
  message: string;
  /// When the main process says exactly what went wrong (why the sidecar cannot be used, why the page cannot be
  /// read): a registered message (shared/errors/codes.ts) and its values, worded by the renderer.
  messageId?: MessageId;
  values?: MessageValues;
}

/// What an export reports. `cancelled`: the user stopped it; files finished before stay, nothing half-written
/// stands under a final name.
export interface ExportOutcome {
  outDir: string;
  /// Files written under their final names.
  written: number;
  /// Pages exported (in at least one format).
  pages: number;
  cancelled: boolean;
  problems: ExportProblem[];
}

/// The scope kinds the export dialog offers: the open page, the selected pages, pages by review status, all.
export const EXPORT_SCOPE_KINDS = ['page', 'selected', 'status', 'all'] as const;
/// One scope kind of the export dialog.
export type ExportScopeKind = (typeof EXPORT_SCOPE_KINDS)[number];

/// The export dialog's last choices, remembered across restarts (not the pages themselves, nor the folder).
export const exportChoicesSchema = z.strictObject({
  formats: z.array(z.enum(EXPORT_FORMATS)).max(EXPORT_FORMATS.length),
  scope: z.enum(EXPORT_SCOPE_KINDS),
  statuses: z.array(z.enum(REVIEW_STATUSES)).max(REVIEW_STATUSES.length),
  options: exportOptionsSchema,
});
/// The export dialog's remembered choices.
export type ExportChoices = z.infer<typeof exportChoicesSchema>;

/// Persisted user preferences.
export interface Preferences {
  language: Language;
  autosaveSeconds: number;
  /// The export dialog's last choices; absent until the first export.
  exportChoices?: ExportChoices;
  /// True once the user dismissed the first-run welcome (issue 17); absent before.
  welcomeDismissed?: boolean;
}

/// Arguments of app.setPreferences.
export const preferencesPatchSchema = z.strictObject({
  language: z.enum(LANGUAGES).optional(),
  autosaveSeconds: z.number().int().min(0).max(3600).optional(),
  exportChoices: exportChoicesSchema.optional(),
  welcomeDismissed: z.boolean().optional(),
});

/// Arguments of ocr.suggest: the editor's current text, and the page it belongs to.
///
/// With `path`, confidences from the page's layout companion (hOCR/ALTO) are mapped onto `text` for the
/// low-confidence rule; without it, no confidences are used. `rejected` are the page's rejected suggestions
/// (code points on `text`); one whose `text` no longer stands at its place is ignored.
export const ocrSuggestRequestSchema = z.strictObject({
  path: relativePathSchema.optional(),
  text: z.string().max(50_000_000),
  rejected: z.array(rejectedCorrectionSchema).max(1_000_000).optional(),
  /// The editor's block moves of the page's original: the scan regions and confidences of the original follow
  /// them onto `text`.
  moves: z.array(moveSchema).max(1_000_000).optional(),
});
/// A request for OCR-correction suggestions.
export type OcrSuggestRequest = z.infer<typeof ocrSuggestRequestSchema>;

/// How batch.search reads its pattern: a literal string, one character, or a JavaScript regular expression
/// (compiled with the `u` flag).
export const BATCH_MODES = ['plain', 'character', 'regex'] as const;
/// A batch search mode.
export type BatchMode = (typeof BATCH_MODES)[number];
/// Which text batch.search looks in: the corrected text (the sidecar's, or the original when there is no
/// usable sidecar) or the original OCR text.
export const BATCH_SCOPES = ['corrected', 'original'] as const;
/// A batch search scope.
export type BatchScope = (typeof BATCH_SCOPES)[number];

/// What to look for across the corpus, and what to put instead.
///
/// The replacement is literal in the plain and character modes; in the regex mode `$1`, `$<name>`, `$&` and
/// `$$` are filled in per hit.
export const batchQuerySchema = z.strictObject({
  pattern: z.string().min(1).max(2000),
  mode: z.enum(BATCH_MODES),
  scope: z.enum(BATCH_SCOPES),
  replacement: z.string().max(2000),
});
/// A batch search (and replace) query.
export type BatchQuery = z.infer<typeof batchQuerySchema>;

/// One hit of a batch search, in keyword-in-context form.
export interface BatchHit {
  page: string;
  /// 1-based line of the hit's start in the searched text.
  line: number;
  /// Code-point offsets of the hit on the searched text (the scope's).
  start: number;
  end: number;
  /// Up to a few dozen code points before and after the hit (line breaks included as "\n").
  before: string;
  match: string;
  after: string;
  /// What the hit would become.
  replacement: string;
}

/// Per page with hits: the page's version as searched, and why it cannot be changed (null when it can).
export interface BatchPageInfo {
  /// Identifies the page file's and sidecar's bytes at search time; batch.replace refuses a page whose version moved.
  version: string;
  /// Plain-words reason the page is left alone by a replacement (e.g. its saved corrections cannot be used).
  blocked: string | null;
}

/// The last batch replacement that can still be undone.
export interface BatchSummary {
  id: string;
  at: string;
  pattern: string;
  replacement: string;
  pages: number;
  replaced: number;
}

/// What a batch search finds.
export interface BatchSearchOutcome {
  /// The hits in page order, at most `limit`.
  hits: BatchHit[];
  /// Every hit found, including those beyond the limit (hits the replacement would leave unchanged excepted).
  total: number;
  /// Hits left out because the replacement equals the text found (nothing to change there).
  unchanged: number;
  limit: number;
  pagesSearched: number;
  pages: Record<string, BatchPageInfo>;
  /// Pages that could not be read at all, with the reason.
  unreadable: WordedProblem[];
  elapsedMs: number;
}

/// Arguments of batch.replace: the query as searched and the ticked hits of each page, with the page's version.
export const batchReplaceRequestSchema = z.strictObject({
  query: batchQuerySchema,
  pages: z
    .array(
      z.strictObject({
        path: relativePathSchema,
        version: z.string().min(1).max(200),
        hits: z.array(z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })).min(1).max(1_000_000),
      }),
    )
    .min(1)
    .max(1_000_000),
});
/// A request to replace ticked hits.
export type BatchReplaceRequest = z.infer<typeof batchReplaceRequestSchema>;

/// What a batch replacement did.
export interface BatchReplaceOutcome {
  /// The batch that can now be undone, or null when nothing changed.
  batch: BatchSummary | null;
  changedPages: string[];
  replaced: number;
  /// Pages left alone or only partly changed, with the reason.
  problems: WordedProblem[];
}

/// What undoing a batch did.
export interface BatchUndoOutcome {
  undone: BatchSummary;
  restoredPages: string[];
  /// Pages not restored (changed since the batch, unreadable), with the reason.
  problems: WordedProblem[];
  /// The batch that can be undone next, if any.
  next: BatchSummary | null;
}

/// The corpus tag set as entities.tagset reports it.
export interface TagsetInfo {
  tagset: Tagset;
  /// 'file': read from `jiaodui.tagset.json`; 'default': the file is absent or malformed, DEFAULT_TAGSET is used.
  origin: 'file' | 'default';
  /// When the file exists but is not a valid tag set: what is wrong (English for logs, worded by id); else null.
  problem: Omit<WordedProblem, 'path'> | null;
  /// SHA-256 of the file as read (null: no file). entities.saveTagset refuses when the file changed since.
  fileHash: string | null;
}

/// An entity type id as used in requests (tag-set ids, or unknown types found in sidecars).
const entityTypeIdSchema = z.string().min(1).max(64);

/// Arguments of entities.saveTagset.
export const saveTagsetRequestSchema = z.strictObject({
  tagset: tagsetSchema,
  /// The `fileHash` the settings were loaded with; saving refuses if the file changed since.
  expectedFileHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  /// Must be true to replace a malformed file; the malformed file is then kept as `jiaodui.tagset.json.broken-<time>`.
  replaceMalformed: z.boolean().optional(),
});
/// A request to save the corpus tag set.
export type SaveTagsetRequest = z.infer<typeof saveTagsetRequestSchema>;

/// One word from the part-of-speech tagger (jieba), placed on the text in code points.
export interface TaggedWordAt {
  start: number;
  end: number;
  word: string;
  /// jieba / ICTCLAS tag: nr person, ns place, nt organisation, …
  tag: string;
}

/// One distinct entity text of the corpus.
export interface CorpusEntityEntry {
  text: string;
  /// The types it is tagged as, most frequent first, with counts.
  types: { type: string; count: number }[];
  /// Spans with this text in the whole corpus.
  count: number;
  /// The pages it is tagged on, in natural path order: how many spans there and where the first one starts (code
  /// points on the corrected text), to open the page at it. Kept this small so 10,000 pages stay a few MB.
  pages: { path: string; start: number; count: number }[];
}

/// The corpus entity index: every distinct tagged text, built from all sidecars.
export interface CorpusEntityIndex {
  /// Distinct texts, most frequent first (ties: by text).
  entries: CorpusEntityEntry[];
  /// Entity text → its most frequent type: the "known strings" for suggestions (`new Map(Object.entries(known))`).
  known: Record<string, string>;
  /// Every type used by some span, with its span count (so unknown types can be listed).
  typesInUse: { type: string; count: number }[];
  /// Sidecars read (from cache or disk).
  sidecars: number;
  /// Sidecars that could not be used (bad JSON, schema, newer version), with the reason; their spans are left out.
  unreadable: WordedProblem[];
  /// Every sidecar's rejected suggestions with their contexts and acceptance counts (docs/rejections.md), keyed by
  /// `entityKey` and `ocrKey`: suggestions rejected in the same context are dropped on every page, others lowered.
  rejections: { entities: RejectionTallies; ocr: RejectionTallies };
}

/// The learned entity model of the open corpus, as the entity panel shows it (entities.learnedStatus).
export interface LearnedStatus {
  /// Entity tags the model learned from (0: no model yet).
  tags: number;
  /// Pages those tags are on.
  pages: number;
  /// Sentences it was trained on.
  sentences: number;
  /// When it was last trained (ISO 8601), null when never.
  trainedAt: string | null;
  /// How long that training took, in milliseconds.
  trainingMs: number | null;
  /// Whether it is being trained now.
  training: boolean;
  /// Why training or loading failed last time (English for logs, worded by id), null when fine.
  problem: Omit<WordedProblem, 'path'> | null;
}

/// Options of entities.learnedStatus.
export const learnedStatusOptionsSchema = z.strictObject({
  /// Train again soon (after a save) when the corpus's tags changed since the model was trained.
  retrain: z.boolean().optional(),
});

/// Options of entities.corpusIndex.
export const corpusIndexOptionsSchema = z.strictObject({
  /// Check every sidecar on disk for changes made outside the app (otherwise only sidecars the app wrote since the
  /// last look are re-read, and the rest come from the cache).
  refresh: z.boolean().optional(),
});
/// Options of entities.corpusIndex.
export type CorpusIndexOptions = z.infer<typeof corpusIndexOptionsSchema>;

/// Arguments of entities.propagationPreview.
export const propagationPreviewRequestSchema = z.strictObject({
  text: z.string().min(1).max(1000),
  type: entityTypeIdSchema,
  scope: z.literal('corpus'),
  /// A page to leave out (the page open in the editor, which propagates in the editor itself).
  excludePath: relativePathSchema.optional(),
  /// Code points of context on each side (default 12).
  contextLength: z.number().int().min(0).max(200).optional(),
});
/// A request to preview corpus-wide propagation.
export type PropagationPreviewRequest = z.infer<typeof propagationPreviewRequestSchema>;

/// One untagged occurrence found by a propagation preview (code points on the page's current text).
export interface PropagationOccurrence {
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

/// The occurrences found on one page, with what apply needs to check the page is unchanged.
export interface PropagationPagePreview {
  path: string;
  /// SHA-256 of the page file and of its sidecar (null: none) when previewed.
  sourceSha256: string;
  sidecarHash: string | null;
  occurrences: PropagationOccurrence[];
}

/// What entities.propagationPreview reports.
export interface PropagationPreview {
  text: string;
  type: string;
  pages: PropagationPagePreview[];
  /// Occurrences over all pages.
  total: number;
  /// Pages left out because their sidecar cannot be used (read-only), or they cannot be read, with the reason.
  skipped: WordedProblem[];
  /// Pages looked at.
  pagesSearched: number;
}

/// Arguments of entities.propagationApply: the (ticked) occurrences, per page, as the preview gave them.
export const propagationApplyRequestSchema = z.strictObject({
  text: z.string().min(1).max(1000),
  type: entityTypeIdSchema,
  pages: z
    .array(
      z.strictObject({
        path: relativePathSchema,
        sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
        sidecarHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
        occurrences: z.array(z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().positive() })).min(1).max(100_000),
      }),
    )
    .max(100_000),
});
/// A request to apply corpus-wide propagation.
export type PropagationApplyRequest = z.infer<typeof propagationApplyRequestSchema>;

/// How one page fared in apply or undo.
export interface PropagationPageOutcome {
  path: string;
  /// 'done': spans added (apply) or removed (undo); 'refused': page left as it was, see `message`.
  outcome: 'done' | 'refused';
  /// Spans added or removed on this page.
  spans: number;
  /// Why the page was left alone (or, done, that nothing needed adding): English for logs, worded by id.
  message: string | null;
  messageId?: WordedProblem['messageId'];
  values?: WordedProblem['values'];
}

/// What entities.propagationApply reports.
export interface PropagationApplyOutcome {
  /// Token for entities.propagationUndo; null when nothing was applied.
  undoToken: string | null;
  pages: PropagationPageOutcome[];
  /// Spans added over all pages.
  added: number;
}

/// What entities.propagationUndo reports.
export interface PropagationUndoOutcome {
  pages: PropagationPageOutcome[];
  removed: number;
}

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/// Arguments of journal.write: the open page's unsaved work and the versions it started from.
///
/// The journal lives in the app's data folder, never in the corpus; `path` is relative to the open corpus.
export const journalEntrySchema = z.strictObject({
  path: relativePathSchema,
  /// The page file and sidecar hashes the editor loaded (PageData.sha256 and sidecarHash).
  sourceSha256: sha256Schema,
  sidecarHash: sha256Schema.nullable(),
  text: z.string().max(50_000_000),
  entities: z.array(entitySchema).max(1_000_000),
  status: z.enum(REVIEW_STATUSES),
  rejectedEntities: z.array(rejectedEntitySchema).max(1_000_000),
  rejectedCorrections: z.array(rejectedCorrectionSchema).max(1_000_000),
  /// The page note being edited (issue 16); absent in entries of older builds.
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  /// The caret, in code points on `text`.
  caret: z.number().int().nonnegative(),
});
/// One journal entry as written.
export type JournalEntry = z.infer<typeof journalEntrySchema>;
/// A journal entry as read back, with when it was written (ISO time).
export type JournalRecord = JournalEntry & { at: string };

/// Where the editor was in a corpus: the open page and its caret (code points), remembered in the app state.
export const lastPageSchema = z.strictObject({ path: relativePathSchema, caret: z.number().int().nonnegative() });
/// The page last open in a corpus.
export type LastPage = z.infer<typeof lastPageSchema>;

/// What corpus.pages answers: the open corpus, the current scan's pages so far, and the page last open there.
///
/// A renderer that (re)starts takes this snapshot, then applies only scan events of a newer generation, or of the
/// same generation merged by path (a batch may arrive both in the snapshot and as an event).
export interface CorpusPagesSnapshot {
  corpus: CorpusInfo | null;
  generation: number;
  pages: PageEntry[];
  done: boolean;
  lastPage: LastPage | null;
}

/// Arguments of log.write (issue 18): a level, a code (lower-case words joined by '.' or '-') and a short message.
/// The main process scrubs the message (no quoted spans, no non-ASCII text) and rate-limits the entries.
export const logEntrySchema = z
  .object({ level: z.enum(['error', 'warn', 'info']), code: z.string().regex(/^[a-z][a-z0-9.-]{0,63}$/), message: z.string().max(2000) })
  .strict();
/// One log.write entry.
export type LogEntry = z.infer<typeof logEntrySchema>;

/// Request/response channels: name → [argument schema, result type].
///
/// Every handler receives arguments validated by its schema and returns a Result.
export const requestSchemas = {
  'app.getState': z.tuple([]),
  'app.setPreferences': z.tuple([preferencesPatchSchema]),
  'app.setDirty': z.tuple([z.boolean()]),
  'app.confirmClose': z.tuple([]),
  'corpus.chooseAndOpen': z.tuple([]),
  'corpus.current': z.tuple([]),
  'corpus.rescan': z.tuple([]),
  'corpus.settings': z.tuple([]),
  'corpus.setTextSource': z.tuple([z.enum(TEXT_SOURCES)]),
  'corpus.pages': z.tuple([]),
  'corpus.rememberPage': z.tuple([lastPageSchema]),
  'corpus.topEntities': z.tuple([]),
  'journal.write': z.tuple([journalEntrySchema]),
  'journal.read': z.tuple([relativePathSchema]),
  'journal.clear': z.tuple([relativePathSchema]),
  'log.write': z.tuple([logEntrySchema]),
  'page.open': z.tuple([relativePathSchema]),
  'page.save': z.tuple([saveRequestSchema]),
  'page.scanImage': z.tuple([relativePathSchema]),
  'export.chooseFolder': z.tuple([]),
  'export.run': z.tuple([exportRequestSchema]),
  'export.cancel': z.tuple([]),
  'ocr.suggest': z.tuple([ocrSuggestRequestSchema]),
  'batch.search': z.tuple([batchQuerySchema]),
  'batch.replace': z.tuple([batchReplaceRequestSchema]),
  'batch.undo': z.tuple([]),
  'batch.last': z.tuple([]),
  'entities.tagset': z.tuple([]),
  'entities.saveTagset': z.tuple([saveTagsetRequestSchema]),
  'entities.tagWords': z.tuple([z.string().max(5_000_000)]),
  'entities.corpusIndex': z.tuple([corpusIndexOptionsSchema.optional()]),
  'entities.propagationPreview': z.tuple([propagationPreviewRequestSchema]),
  'entities.propagationApply': z.tuple([propagationApplyRequestSchema]),
  'entities.propagationUndo': z.tuple([z.string().regex(/^[0-9a-f]{32}$/)]),
  // The corpus's "always ignore" list (docs/rejections.md).
  'ignore.list': z.tuple([]),
  'ignore.add': z.tuple([ignoreTargetSchema]),
  'ignore.remove': z.tuple([ignoreTargetSchema]),
  'entities.learnedStatus': z.tuple([learnedStatusOptionsSchema.optional()]),
  'entities.learnedModel': z.tuple([]),
  // Desktop (issue 18): open a folder named by path (dropped on the window, Open Recent, a second launch), and
  // clear the recent list. The path is absolute; the main process checks it is a folder, as for a dialog's choice.
  'corpus.openPath': z.tuple([z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'path contains a NUL character')]),
  'app.clearRecent': z.tuple([]),
} as const;

/// A request channel name.
export type RequestChannel = keyof typeof requestSchemas;

/// The app state the renderer reads at start-up.
export interface AppState {
  preferences: Preferences;
  corpus: CorpusInfo | null;
  recentCorpora: string[];
  /// 'electron' or 'browser' (the harness).
  shell: 'electron' | 'browser';
  appVersion: string;
}

/// Result types per request channel.
export interface RequestResults {
  'app.getState': AppState;
  'app.setPreferences': Preferences;
  'app.setDirty': null;
  'app.confirmClose': null;
  'corpus.chooseAndOpen': CorpusInfo | null;
  'corpus.current': CorpusInfo | null;
  'corpus.rescan': null;
  'corpus.settings': CorpusSettings;
  'corpus.setTextSource': CorpusSettings;
  'corpus.pages': CorpusPagesSnapshot;
  'corpus.rememberPage': null;
  /// The corpus's most frequent entity strings, summed in the main process from the pages' top lists (issue 16).
  'corpus.topEntities': TopEntity[];
  'journal.write': null;
  /// The latest entry of the page's journal in the open corpus, or null when there is none.
  'journal.read': JournalRecord | null;
  'journal.clear': null;
  'log.write': null;
  'page.open': PageData;
  'page.save': SaveOutcome;
  'page.scanImage': ScanImage;
  'export.chooseFolder': string | null;
  'export.run': ExportOutcome;
  /// True when an export was running and is now told to stop.
  'export.cancel': boolean;
  /// Suggestions sorted by position; offsets are code points on the request's `text`.
  'ocr.suggest': OcrSuggestionForApp[];
  'batch.search': BatchSearchOutcome;
  'batch.replace': BatchReplaceOutcome;
  'batch.undo': BatchUndoOutcome;
  'batch.last': BatchSummary | null;
  'entities.tagset': TagsetInfo;
  'entities.saveTagset': TagsetInfo;
  'entities.tagWords': TaggedWordAt[];
  'entities.corpusIndex': CorpusEntityIndex;
  'entities.propagationPreview': PropagationPreview;
  'entities.propagationApply': PropagationApplyOutcome;
  'entities.propagationUndo': PropagationUndoOutcome;
  /// The open corpus's ignore list (empty, with a problem, when its file is not a valid list).
  'ignore.list': IgnoreList;
  /// The list after adding (an equal entry is not added twice).
  'ignore.add': IgnoreList;
  /// The list after removing the equal entry.
  'ignore.remove': IgnoreList;
  'entities.learnedStatus': LearnedStatus;
  /// The stored model (shared/entities/learn/model.ts) for the renderer's suggesters; null when none yet.
  'entities.learnedModel': StoredModel | null;
  /// The corpus now open (the same one, untouched, when the path names the corpus already open).
  'corpus.openPath': CorpusInfo;
  'app.clearRecent': null;
}

/// Argument tuple of a request channel.
export type RequestArgs<C extends RequestChannel> = z.infer<(typeof requestSchemas)[C]>;

/// Events pushed from the main process to the renderer.
export interface EventPayloads {
  /// Pages found so far, in batches; `done` on the last one. `generation` increases with each new scan.
  'corpus.scanProgress': { generation: number; pages: PageEntry[]; scanned: number; done: boolean; corpus: CorpusInfo };
  'export.progress': { done: number; total: number };
  /// Pages prepared or written so far by batch.replace / batch.undo.
  'batch.progress': { done: number; total: number };
  /// Pages done so far by entities.propagationApply / propagationUndo.
  'entities.propagationProgress': { done: number; total: number };
  /// The learned entity model started or finished training, or was loaded.
  'entities.learnedStatus': LearnedStatus;
  /// Review statuses of pages whose sidecars the main process wrote or removed (batch replace and undo, corpus
  /// propagation and its undo), read back from disk (null: no sidecar, or none with a known status).
  'corpus.pageStatus': { pages: { path: string; status: ReviewStatus | null; stats?: PageListStats }[] };
  /// Files of the open corpus added, changed or removed outside the app (the corpus watcher), relative paths.
  'corpus.filesChanged': { changes: { path: string; kind: 'added' | 'changed' | 'removed' }[] };
  /// A menu item or accelerator the main process turned into a command.
  'app.command': { command: MenuCommand };
  /// The window is closing with unsaved work: the renderer asks Save / Discard / Cancel, then calls app.confirmClose.
  'app.closeRequested': Record<string, never>;
  /// The main process was asked to open a folder (a second launch, macOS open-file, File → Open Recent): the
  /// renderer deals with unsaved work first, then calls corpus.openPath with it.
  'corpus.openRequested': { path: string };
  /// The main process reloaded a renderer that crashed or hung (issue 18); the renderer words the code in a notice.
  'app.rendererRecovered': { code: 'renderer-crashed' | 'renderer-hung' };
  /// Harness only: the handler table asks the renderer to show its folder picker (the stand-in for a native dialog).
  'dialog.request': { id: string; purpose: 'open-corpus' | 'export-folder' };
}

/// An event channel name.
export type EventChannel = keyof EventPayloads;

/// Commands the application menu sends.
export const MENU_COMMANDS = [
  'open-folder', 'save', 'export', 'undo', 'redo', 'find-replace', 'toggle-language', 'next-page', 'previous-page', 'shortcuts',
  // The View menu's text size, page list, side panels and focus mode (issue 16 item 4, renderer/view).
  'text-bigger', 'text-smaller', 'text-reset', 'toggle-sidebar', 'toggle-panels', 'focus-mode',
] as const;
/// One menu command.
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/// The transport both shells provide: one generic request call and one event subscription.
///
/// Only the preload (ipcRenderer) and the harness bridge client (fetch + EventSource) implement it; the
/// renderer sees the named actions of `JiaoduiApi` built over it by `createApi`.
export interface Transport {
  invoke<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<Result<RequestResults[C]>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}
