import { z } from 'zod';
import { ok, type Result } from '../result';
import { failWith } from '../errors/fail-with';
import { reasonEnglish, withReason, type ReasonId } from '../errors/reasons';
import { firstSchemaReason, schemaIssueReason, type OwnMessages, type SchemaIssue } from '../errors/schema-reason';

/// The name of the tag-set file kept at the root of a corpus folder.
export const TAGSET_FILE_NAME = 'jiaodui.tagset.json';

/// The tag-set file format version this build reads and writes.
export const TAGSET_VERSION = 1;

/// Colour given to entity types that a sidecar uses but the tag set does not define.
export const UNKNOWN_TYPE_COLOUR = '#9e9e9e';

// The tag set's own rules: each message is the English of a reason (shared/errors/reasons-files.ts), so that the
// problem is worded in the UI language.
const RULES = {
  typeId: 'a type id is a letter followed by up to 31 letters, digits, _ or -',
  noLabel: 'a type needs a label',
  longLabel: 'a type label is at most 40 characters',
  colour: 'a colour is written #rrggbb',
  key: 'a shortcut key is one lower-case letter or digit',
  noTypes: 'a tag set needs at least one type',
} as const;

/// The reason of each of the tag set's own rule messages (for `schemaIssueReason`).
export const TAGSET_RULES: OwnMessages = Object.fromEntries(
  Object.entries(RULES).map(([name, message]) => [message, `tagset.${name}` as ReasonId]),
);

/// One entity type: a stable id stored in sidecars, a label shown to editors, a colour and a shortcut key.
///
/// The id is what spans refer to, so renaming a type changes only its label; the key is one printable
/// character pressed (with the editor's tagging modifier) to tag the selection.
export const entityTypeSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, RULES.typeId),
  label: z.string().trim().min(1, RULES.noLabel).max(40, RULES.longLabel),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, RULES.colour),
  key: z.string().regex(/^[0-9a-z]$/, RULES.key).optional(),
});

/// The whole tag-set file: a format marker, a version and the list of types in display order.
export const tagsetSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal('jiaodui-tagset'),
    version: z.literal(TAGSET_VERSION),
    types: z.array(entityTypeSchema).min(1, RULES.noTypes),
  })
  .superRefine((tagset, ctx) => {
    // Ids and keys must be unique, otherwise a span or a key press would be ambiguous.
    reportDuplicates(tagset.types.map((t) => t.id.toUpperCase()), 'tagset.duplicateId', ctx);
    reportDuplicates(
      tagset.types.flatMap((t) => (t.key === undefined ? [] : [t.key])),
      'tagset.duplicateKey',
      ctx,
    );
  });

/// One entity type as configured.
export type EntityType = z.infer<typeof entityTypeSchema>;
/// A corpus's tag set.
export type Tagset = z.infer<typeof tagsetSchema>;

/// An entity type as shown in the editor: a configured type, or one found only in sidecars.
export interface DisplayType extends EntityType {
  /// False for a type used by some span but missing from the tag set; it is shown, never dropped.
  known: boolean;
}

/// The tag set a corpus gets when it has no `jiaodui.tagset.json`.
///
/// PER 人名, LOC 地名, ORG 机构, DATE 时间, MISC 其他, with colours that stay distinct for common colour-vision
/// deficiencies (Okabe–Ito palette) and keys 1–5.
export const DEFAULT_TAGSET: Tagset = {
  format: 'jiaodui-tagset',
  version: TAGSET_VERSION,
  types: [
    { id: 'PER', label: '人名', colour: '#d55e00', key: '1' },
    { id: 'LOC', label: '地名', colour: '#009e73', key: '2' },
    { id: 'ORG', label: '机构', colour: '#0072b2', key: '3' },
    { id: 'DATE', label: '时间', colour: '#cc79a7', key: '4' },
    { id: 'MISC', label: '其他', colour: '#e69f00', key: '5' },
  ],
};

/// Parses and validates the text of a `jiaodui.tagset.json` file.
///
/// Returns an `invalid-argument` error whose message names the file and says in plain words what is wrong
/// (bad JSON, or each schema problem with its location such as `types[2].colour`).
export function parseTagset(json: string): Result<Tagset> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return failWith('tagset.notJson', { file: TAGSET_FILE_NAME }, String(error));
  }
  const parsed = tagsetSchema.safeParse(data);
  if (!parsed.success) {
    // The first problem travels as a reason (with the count of the others) for the screen; `detail` lists them all.
    const { reason: first, more } = firstSchemaReason(parsed.error.issues, data, TAGSET_FILE_NAME, TAGSET_RULES);
    const values = withReason({ file: TAGSET_FILE_NAME, ...(more > 0 && { count: more }) }, 'problem', first);
    return failWith('tagset.invalidFile', values, tagsetProblems(parsed.error.issues, data).join('\n'));
  }
  return ok(parsed.data);
}

/// Writes a tag set as pretty, stable JSON with a trailing newline.
///
/// Validates first so an invalid tag set is never written.
export function serializeTagset(tagset: Tagset): Result<string> {
  const parsed = tagsetSchema.safeParse(tagset);
  if (!parsed.success) {
    return failWith('tagset.invalid', {}, tagsetProblems(parsed.error.issues, tagset).join('\n'));
  }
  return ok(`${JSON.stringify(parsed.data, null, 2)}\n`);
}

/// The types to show: the tag set's, in order, then every other type used by the given spans.
///
/// Unknown types keep their id as label, get a neutral colour and no shortcut, in first-seen order, so a
/// sidecar written with another tag set still shows all its entities.
export function displayTypes(tagset: Tagset, spans: Iterable<{ type: string }>): DisplayType[] {
  const shown: DisplayType[] = tagset.types.map((t) => ({ ...t, known: true }));
  const seen = new Set(tagset.types.map((t) => t.id));
  for (const span of spans) {
    if (seen.has(span.type)) continue;
    seen.add(span.type);
    shown.push({ id: span.type, label: span.type, colour: UNKNOWN_TYPE_COLOUR, known: false });
  }
  return shown;
}

/// The configured type whose shortcut key is `key`, if any.
export function typeForKey(tagset: Tagset, key: string): EntityType | undefined {
  return tagset.types.find((t) => t.key === key);
}

/// Each schema problem of a tag set in English, naming its field (`types[1].colour: a colour is written #rrggbb`).
export function tagsetProblems(issues: readonly SchemaIssue[], data: unknown): string[] {
  return issues.map((issue) => reasonEnglish(schemaIssueReason(issue, data, TAGSET_FILE_NAME, TAGSET_RULES)));
}

function reportDuplicates(values: string[], id: 'tagset.duplicateId' | 'tagset.duplicateKey', ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const value of values) {
    // The message is for zod's own output; the reason (`params`) is what Jiaodui shows.
    const message = `the ${id === 'tagset.duplicateId' ? 'type id' : 'shortcut key'} "${value}" is used twice`;
    if (seen.has(value)) ctx.addIssue({ code: 'custom', message, path: ['types'], params: { reason: id, values: { value } } });
    seen.add(value);
  }
}
