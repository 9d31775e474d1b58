import { z } from 'zod';

/// The sidecar format version this build writes and fully understands.
///
/// Version 4 is version 3 with an optional page `note`. A save writes the lowest version that holds what it
/// stores: 4 when the page has a note, else 3, so a page without a note stays readable by builds that know only
/// version 3 (which reject unknown keys), and one with a note tells them it was written by a newer Jiaodui.
/// Version 1 and 2 sidecars are still read: `upgradeSidecarV1` and `upgradeSidecarV2` turn them into version 3 and
/// the next save writes 3 (or 4).
export const SIDECAR_SCHEMA_VERSION = 4;

/// The longest page note, in UTF-16 code units: a line or two saying why a page needs attention.
export const MAX_NOTE_LENGTH = 500;

/// The schema version a sidecar is written with: 4 when it carries a note, else 3 (see SIDECAR_SCHEMA_VERSION).
export function sidecarVersionFor(note: string | undefined): 3 | 4 {
  return note === undefined ? 3 : 4;
}

/// The kinds of file a page's original text can be read from.
export const SOURCE_FORMATS = ['text', 'hocr', 'alto', 'page-xml'] as const;

/// The kind of file a page's original text was read from.
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/// The suffix appended to a page file's name to form its sidecar's name (`page.txt` → `page.txt.jiaodui.json`).
export const SIDECAR_SUFFIX = '.jiaodui.json';

/// Review states a page moves through.
export const REVIEW_STATUSES = ['unreviewed', 'in-progress', 'reviewed', 'needs-attention'] as const;

/// A page's review status.
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const codePointOffset = z.number().int().nonnegative();

/// One correction: the original code points [start, end) were replaced by `corrected`.
///
/// `start`/`end` are code-point offsets on the arranged original: the original text (NFC, LF line endings) with the
/// sidecar's `moves` applied, which is the original itself when there are none. `original` repeats the
/// replaced text so a human can read the sidecar and so a mismatch with the page file is detectable. `rule` names
/// the OCR-assistant rule whose accepted suggestion made the change (e.g. "look-alike", "reflow"); a correction
/// typed by the editor has none.
export const correctionSchema = z.strictObject({
  start: codePointOffset,
  end: codePointOffset,
  original: z.string(),
  corrected: z.string(),
  rule: z.string().min(1).max(64).optional(),
});

/// An entity span on the corrected text: code-point offsets [start, end) and the text they cover.
export const entitySchema = z.strictObject({
  id: z.string().min(1),
  start: codePointOffset,
  end: codePointOffset,
  type: z.string().min(1),
  text: z.string().min(1),
});

/// The page file the sidecar belongs to, as it was when the sidecar was written.
///
/// `format` names the kind of file the original text was read from: a plain text file, or the text an importer
/// built from an hOCR, ALTO or PAGE XML file (then `encoding` is the XML's encoding).
export const sourceSchema = z.strictObject({
  file: z.string().min(1),
  format: z.enum(SOURCE_FORMATS),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.string().min(1),
  bom: z.boolean(),
  lineEnding: z.enum(['LF', 'CRLF', 'CR', 'mixed', 'none']),
});

/// A rejected entity suggestion, so it is not suggested again.
///
/// With `start`/`end` (code points on the corrected text) it rejects one place; without them it rejects `text` as
/// `type` on the whole page. Place rejections move with edits like entity spans.
export const rejectedEntitySchema = z
  .strictObject({
    text: z.string().min(1),
    type: z.string().min(1),
    start: codePointOffset.optional(),
    end: codePointOffset.optional(),
  })
  .refine((r) => (r.start === undefined) === (r.end === undefined), 'a rejection has both start and end, or neither')
  .refine((r) => r.start === undefined || r.end! > r.start, 'a rejected place must cover some text');

/// A rejected OCR-correction suggestion: replacing `text` at [start, end) of the corrected text with
/// `replacement`, as proposed by `rule`. It is not suggested again while that text stays there.
export const rejectedCorrectionSchema = z.strictObject({
  rule: z.string().min(1),
  start: codePointOffset,
  end: codePointOffset,
  text: z.string(),
  replacement: z.string(),
});

/// One block move: the original code points [start, end) stand at code-point offset `to` of the arranged original
/// (the original in corrected reading order), as a reading-order repair moved them. Text no move names keeps its
/// order around the moved blocks. Moves apply before the corrections.
export const moveSchema = z.strictObject({
  start: codePointOffset,
  end: codePointOffset,
  to: codePointOffset,
});

/// For each line of the corrected text (split on "\n"), the 0-based numbers of the original text's lines it came
/// from, ascending; an empty list for a line typed in. An empty array means "not recorded" (upgraded from v1).
export const lineOriginsSchema = z.array(z.array(z.number().int().nonnegative()));

const sidecarShape = {
  $schema: z.string().optional(),
  format: z.literal('jiaodui-sidecar'),
  app: z.strictObject({ name: z.literal('jiaodui'), version: z.string() }),
  status: z.enum(REVIEW_STATUSES),
  created: z.iso.datetime(),
  modified: z.iso.datetime(),
  text: z.string(),
  corrections: z.array(correctionSchema),
  entities: z.array(entitySchema),
};

const v2Shape = {
  ...sidecarShape,
  source: sourceSchema,
  lineOrigins: lineOriginsSchema,
  rejectedEntities: z.array(rejectedEntitySchema),
  rejectedCorrections: z.array(rejectedCorrectionSchema),
};

/// A page note: trimmed, non-empty (no note is written as no `note` key), one short paragraph.
export const noteSchema = z.string().min(1).max(MAX_NOTE_LENGTH);

/// The whole sidecar document, version 3 or 4 (the versions this build writes): version 2 with block `moves`, and
/// in version 4 an optional page `note` ("why this page needs attention"). A note requires version 4.
export const sidecarSchema = z
  .strictObject({
    ...v2Shape,
    schemaVersion: z.union([z.literal(3), z.literal(SIDECAR_SCHEMA_VERSION)]),
    moves: z.array(moveSchema),
    note: noteSchema.optional(),
  })
  .refine((s) => s.note === undefined || s.schemaVersion === 4, { message: 'a page note needs schema version 4', path: ['schemaVersion'] });

/// A version 2 sidecar: no moves (its corrections are on the original text itself).
export const sidecarV2Schema = z.strictObject({
  ...v2Shape,
  schemaVersion: z.literal(2),
});

/// A version 1 sidecar: no source format, line origins or rejections.
export const sidecarV1Schema = z.strictObject({
  ...sidecarShape,
  schemaVersion: z.literal(1),
  source: sourceSchema.omit({ format: true }),
});

/// Turns a version 1 sidecar into the current version: its source was a text file, its line origins are not
/// recorded, it has no rejections and no moves.
export function upgradeSidecarV1(v1: z.infer<typeof sidecarV1Schema>): Sidecar {
  return upgradeSidecarV2({
    ...v1,
    schemaVersion: 2,
    source: { ...v1.source, format: 'text' },
    lineOrigins: [],
    rejectedEntities: [],
    rejectedCorrections: [],
  });
}

/// Turns a version 2 sidecar into the current version: no moves, so the arranged original is the original and
/// its corrections and line origins stand as they are.
export function upgradeSidecarV2(v2: z.infer<typeof sidecarV2Schema>): Sidecar {
  return { ...v2, schemaVersion: 3, moves: [] };
}

/// A parsed, schema-valid sidecar.
export type Sidecar = z.infer<typeof sidecarSchema>;
/// One block move of the original text.
export type Move = z.infer<typeof moveSchema>;
/// One correction against the (arranged) original text.
export type Correction = z.infer<typeof correctionSchema>;
/// One entity span on the corrected text.
export type EntitySpan = z.infer<typeof entitySchema>;
/// Facts about the page file a sidecar was made from.
export type SidecarSource = z.infer<typeof sourceSchema>;
/// A rejected entity suggestion.
export type RejectedEntity = z.infer<typeof rejectedEntitySchema>;
/// A rejected OCR-correction suggestion.
export type RejectedCorrection = z.infer<typeof rejectedCorrectionSchema>;
