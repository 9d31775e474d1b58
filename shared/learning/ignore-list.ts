import { z } from 'zod';
import type { Worded } from '../errors/fail-with';

/// One "always ignore this" entry of a corpus (kept app-side in `<corpus data dir>/ignored.json`).
///
/// An entity entry drops every suggestion of `text` as `type`, whatever proposed it (`rule` records the source
/// that proposed the ignored suggestion, for the list); an OCR entry drops every suggestion of `rule` that replaces
/// `text` with `replacement`. `added` is when the editor added it (ISO time).
export const ignoreEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('entity'),
    rule: z.string().min(1).max(64),
    text: z.string().min(1).max(1000),
    type: z.string().min(1).max(64),
    added: z.iso.datetime(),
  }),
  z.strictObject({
    kind: z.literal('ocr'),
    rule: z.string().min(1).max(64),
    text: z.string().max(1000),
    replacement: z.string().max(1000),
    added: z.iso.datetime(),
  }),
]);
/// One ignore entry.
export type IgnoreEntry = z.infer<typeof ignoreEntrySchema>;

/// An entry to add or remove: an entry without its time (ignore.add stamps it; ignore.remove matches without it).
export const ignoreTargetSchema = z.discriminatedUnion('kind', [
  ignoreEntrySchema.options[0].omit({ added: true }),
  ignoreEntrySchema.options[1].omit({ added: true }),
]);
/// What ignore.add and ignore.remove name.
export type IgnoreTarget = z.infer<typeof ignoreTargetSchema>;

// The most entries one corpus keeps: far beyond a person's clicks, and a bound on the file the app reads.
export const MAX_IGNORE_ENTRIES = 100_000;

/// The ignore-list file.
export const ignoreFileSchema = z.strictObject({
  format: z.literal('jiaodui-ignore-list'),
  version: z.literal(1),
  entries: z.array(ignoreEntrySchema).max(MAX_IGNORE_ENTRIES),
});
/// The parsed ignore-list file.
export type IgnoreFile = z.infer<typeof ignoreFileSchema>;

/// The corpus's ignore list as the renderer receives it: the entries (oldest first) and a problem with the file
/// (null when fine; then `entries` is empty and the file is left as it is until the editor adds or removes one).
export interface IgnoreList {
  entries: IgnoreEntry[];
  /// Why the list file is not used (English for logs, worded by id), or null.
  problem: Worded | null;
}

/// A string that is equal for equal targets (an entry's time left out).
export function ignoreKey(target: IgnoreTarget | IgnoreEntry): string {
  return target.kind === 'entity'
    ? `entity\u0000${target.type}\u0000${target.text}`
    : `ocr\u0000${target.rule}\u0000${target.text}\u0000${target.replacement}`;
}
