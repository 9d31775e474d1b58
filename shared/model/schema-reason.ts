/// A zod schema problem as a reason: the first issue, at a JSON path (`$.corrections[0].start`), worded by its kind
/// (an expected type, a bound, a choice, unknown keys) so that the UI says it in its own language. The parser's
/// own English (`z.prettifyError`) stays in logs and the command line.
import type { z } from 'zod';
import { reason, type Reason, type ReasonId } from '../errors/reasons';

const EXPECTED: Record<string, ReasonId> = {
  string: 'schema.expectedString',
  number: 'schema.expectedNumber',
  int: 'schema.expectedInteger',
  boolean: 'schema.expectedBoolean',
  array: 'schema.expectedArray',
  object: 'schema.expectedObject',
};

const BOUNDS: Record<'too_small' | 'too_big', Record<string, ReasonId>> = {
  too_small: { number: 'schema.tooSmall', string: 'schema.tooShort', array: 'schema.tooFewItems' },
  too_big: { number: 'schema.tooBig', string: 'schema.tooLong', array: 'schema.tooManyItems' },
};

/// The issues of a failed zod parse as reasons, one per issue in zod's order.
export function schemaReasons(error: z.ZodError): Reason[] {
  return error.issues.map(issueReason);
}

/// One zod issue as a reason.
export function issueReason(issue: z.core.$ZodIssue): Reason {
  const path = jsonPath(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const id = Object.hasOwn(EXPECTED, issue.expected) ? EXPECTED[issue.expected]! : 'schema.expectedOther';
      return id === 'schema.expectedOther' ? reason(id, { path, expected: issue.expected }) : reason(id, { path });
    }
    case 'too_small':
    case 'too_big': {
      const id = BOUNDS[issue.code][issue.origin];
      if (id === undefined) return reason('schema.invalid', { path });
      return issue.code === 'too_small' ? reason(id, { path, minimum: Number(issue.minimum) }) : reason(id, { path, maximum: Number(issue.maximum) });
    }
    case 'invalid_value':
      return reason('schema.notOneOf', { path, values: issue.values.map((v) => JSON.stringify(v)).join(', ') });
    case 'unrecognized_keys':
      return reason('schema.unknownKeys', { path, keys: issue.keys.map((k) => JSON.stringify(k)).join(', ') });
    default:
      return reason('schema.invalid', { path });
  }
}

/// A zod issue path as a JSON path: `$` for the document, `$.a[0].b` inside it.
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(String(part)) ? `.${String(part)}` : `[${JSON.stringify(String(part))}]`;
  return out;
}
