/// A schema problem (zod's issue) as a reason: which field, and what is wrong with it by kind, instead of zod's
/// English sentence. Used for the settings files the user may edit by hand (corpus settings, tag set, ignore list).
import type { z } from 'zod';
import { reason, type Reason, type ReasonId } from './reasons';
import { FILE_REASONS } from './reasons-files';

/// One problem zod found.
export type SchemaIssue = z.core.$ZodIssue;

/// How a schema's own messages (`.regex(re, 'a colour is written #rrggbb')`) map to reason ids.
export type OwnMessages = Readonly<Record<string, ReasonId>>;

/// A field's path as written in the file (`types[1].colour`); `whole` (the file's name) for the file itself.
export function fieldPath(path: readonly PropertyKey[], whole: string): string {
  if (path.length === 0) return whole;
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

/// The reason of one schema problem. `data` is what was checked (to tell a missing field from a wrong one), `whole`
/// names the file for a problem with the file itself, `own` maps the schema's own messages to their reasons.
export function schemaIssueReason(issue: SchemaIssue, data: unknown, whole: string, own: OwnMessages = {}): Reason {
  const at = fieldPath(issue.path, whole);
  const ownId = Object.hasOwn(own, issue.message) ? own[issue.message] : undefined;
  if (ownId !== undefined) return reason(ownId, { at });
  const missing = issue.path.length > 0 && valueAt(data, issue.path) === undefined;
  switch (issue.code) {
    case 'invalid_type':
      return missing ? reason('schema.missing', { at }) : typeReason(issue.expected, at);
    case 'invalid_value':
      if (missing) return reason('schema.missing', { at });
      return reason('schema.notOneOf', { at, expected: issue.values.map((v) => JSON.stringify(v)).join(' | ') });
    case 'unrecognized_keys':
      return reason('schema.unknownField', { at, fields: issue.keys.join(', ') });
    case 'too_small':
      return reason(issue.origin === 'array' || issue.origin === 'set' ? 'schema.tooFewItems' : issue.origin === 'string' ? 'schema.tooShort' : 'schema.tooSmall', { at, min: Number(issue.minimum) });
    case 'too_big':
      return reason(issue.origin === 'array' || issue.origin === 'set' ? 'schema.tooManyItems' : issue.origin === 'string' ? 'schema.tooLong' : 'schema.tooBig', { at, max: Number(issue.maximum) });
    case 'invalid_format':
      return reason('schema.badFormat', { at });
    case 'custom': {
      // A refinement names its reason in its params: `{ reason: 'tagset.duplicateKey', values: { value: '1' } }`.
      const params = issue.params as { reason?: unknown; values?: Record<string, string | number> } | undefined;
      if (typeof params?.reason === 'string' && Object.hasOwn(FILE_REASONS, params.reason)) return reason(params.reason as ReasonId, { at, ...params.values });
      return reason('schema.other', { at, detail: issue.message });
    }
    default:
      return reason('schema.other', { at, detail: issue.message });
  }
}

/// The first of several schema problems as a reason, and how many more there are (the screen shows the first and
/// the count; the English log lists them all).
export function firstSchemaReason(issues: readonly SchemaIssue[], data: unknown, whole: string, own: OwnMessages = {}): { reason: Reason; more: number } {
  const first = issues[0];
  if (first === undefined) return { reason: reason('schema.other', { at: whole, detail: 'unknown problem' }), more: 0 };
  return { reason: schemaIssueReason(first, data, whole, own), more: issues.length - 1 };
}

const TYPE_REASONS: Record<string, ReasonId> = {
  string: 'schema.notString',
  number: 'schema.notNumber',
  int: 'schema.notNumber',
  boolean: 'schema.notBoolean',
  object: 'schema.notObject',
  record: 'schema.notObject',
  array: 'schema.notList',
  tuple: 'schema.notList',
};

function typeReason(expected: string, at: string): Reason {
  const id = TYPE_REASONS[expected];
  return id === undefined ? reason('schema.wrongType', { at, expected }) : reason(id, { at });
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
