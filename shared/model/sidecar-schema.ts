import { z } from 'zod';

/// The sidecar format version this build writes and fully understands.
export const SIDECAR_SCHEMA_VERSION = 1;

/// The suffix appended to a page file's name to form its sidecar's name (`page.txt` → `page.txt.jiaodui.json`).
export const SIDECAR_SUFFIX = '.jiaodui.json';

/// Review states a page moves through.
export const REVIEW_STATUSES = ['unreviewed', 'in-progress', 'reviewed', 'needs-attention'] as const;

/// A page's review status.
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const codePointOffset = z.number().int().nonnegative();

/// One correction: the original code points [start, end) were replaced by `corrected`.
///
/// `start`/`end` are code-point offsets on the original text (NFC, LF line endings); `original` repeats the
/// replaced text so a human can read the sidecar and so a mismatch with the page file is detectable.
export const correctionSchema = z.strictObject({
  start: codePointOffset,
  end: codePointOffset,
  original: z.string(),
  corrected: z.string(),
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
export const sourceSchema = z.strictObject({
  file: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.string().min(1),
  bom: z.boolean(),
  lineEnding: z.enum(['LF', 'CRLF', 'CR', 'mixed', 'none']),
});

/// The whole sidecar document, version 1.
export const sidecarSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal('jiaodui-sidecar'),
  schemaVersion: z.literal(SIDECAR_SCHEMA_VERSION),
  app: z.strictObject({ name: z.literal('jiaodui'), version: z.string() }),
  source: sourceSchema,
  status: z.enum(REVIEW_STATUSES),
  created: z.iso.datetime(),
  modified: z.iso.datetime(),
  text: z.string(),
  corrections: z.array(correctionSchema),
  entities: z.array(entitySchema),
});

/// A parsed, schema-valid sidecar.
export type Sidecar = z.infer<typeof sidecarSchema>;
/// One correction against the original text.
export type Correction = z.infer<typeof correctionSchema>;
/// One entity span on the corrected text.
export type EntitySpan = z.infer<typeof entitySchema>;
/// Facts about the page file a sidecar was made from.
export type SidecarSource = z.infer<typeof sourceSchema>;
