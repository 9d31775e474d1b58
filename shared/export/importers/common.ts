/// Small helpers the entity-file parsers share: reading untyped JSON safely and building problems.
import type { ImportProblem } from '../import-types';
import type { Reason } from '../../errors/reasons';

/// `value` as a plain object, or null when it is anything else (an array, a string, null).
export function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/// Whether `value` is a non-negative whole number (an offset).
export function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/// A problem at `where`: its English `message` and, for wording in another language, its reason.
export function problem(where: string, code: ImportProblem['code'], message: string, why?: Reason): ImportProblem {
  return why === undefined ? { where, code, message } : { where, code, message, reason: why };
}

/// `text` without a leading byte-order mark.
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/// A short, printable form of a value for a message (long values cut).
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
