import { TAGSET_RULES, tagsetSchema, UNKNOWN_TYPE_COLOUR, type EntityType, type Tagset } from '../../shared/entities/tagset';
import { reason, type Reason } from '../../shared/errors/reasons';
import { schemaIssueReason } from '../../shared/errors/schema-reason';

/// One type as edited in the settings: the key is '' for "no shortcut"; `isNew` types may still change their id.
export interface DraftType {
  id: string;
  label: string;
  colour: string;
  key: string;
  isNew: boolean;
}

// Colours offered to new types in turn (Tol's bright palette: distinct from the default Okabe–Ito ones).
const NEW_COLOURS = ['#4477aa', '#ee6677', '#228833', '#ccbb44', '#66ccee', '#aa3377', '#bbbbbb'];

/// The editable form of a tag set.
export function draftOf(tagset: Tagset): DraftType[] {
  return tagset.types.map((t) => ({ id: t.id, label: t.label, colour: t.colour, key: t.key ?? '', isNew: false }));
}

/// The tag set a draft describes (not yet validated).
export function tagsetOf(draft: readonly DraftType[]): Tagset {
  return {
    format: 'jiaodui-tagset',
    version: 1,
    types: draft.map(({ id, label, colour, key }): EntityType => (key === '' ? { id, label, colour } : { id, label, colour, key })),
  };
}

/// What is wrong with a draft, one reason per problem (worded `reason.<id>` in the UI language) whose `at` names the
/// type by its id (`#n` while it has none) or, for a problem of the whole list, is `whole` (empty when it can be
/// saved).
export function draftProblems(draft: readonly DraftType[], whole: string): Reason[] {
  const tagset = tagsetOf(draft);
  const parsed = tagsetSchema.safeParse(tagset);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const index = issue.path[1];
    const type = typeof index === 'number' ? draft[index] : undefined;
    const at = type && typeof index === 'number' ? type.id || `#${index + 1}` : whole;
    const why = schemaIssueReason(issue, tagset, whole, TAGSET_RULES);
    return reason(why.id, { ...why.values, at });
  });
}

/// A draft with one more type: a fresh id (TYPE1, TYPE2, …), a colour not yet used and the first free key.
export function withNewType(draft: readonly DraftType[], id?: string, label?: string): DraftType[] {
  const ids = new Set(draft.map((t) => t.id.toUpperCase()));
  let fresh = id;
  for (let n = 1; fresh === undefined || (id === undefined && ids.has(fresh.toUpperCase())); n++) fresh = `TYPE${n}`;
  const colours = new Set(draft.map((t) => t.colour.toLowerCase()));
  const colour = id !== undefined ? UNKNOWN_TYPE_COLOUR : (NEW_COLOURS.find((c) => !colours.has(c)) ?? NEW_COLOURS[draft.length % NEW_COLOURS.length]!);
  const keys = new Set(draft.map((t) => t.key));
  const key = [...'1234567890abcdefghijklmnopqrstuvwxyz'].find((k) => !keys.has(k)) ?? '';
  return [...draft, { id: fresh, label: label ?? fresh, colour, key, isNew: true }];
}

/// The types used by spans in the corpus that the draft does not define (compared by id, case-sensitive as stored).
export function unknownTypes(draft: readonly DraftType[], typesInUse: readonly { type: string; count: number }[]): { type: string; count: number }[] {
  const defined = new Set(draft.map((t) => t.id));
  return typesInUse.filter((u) => !defined.has(u.type));
}
