/// Reasons: the "why" inside a failure ("line 3, column 7: the element <String> is not closed"), registered by id
/// like the failures themselves so that the renderer words them in the UI language instead of showing an English
/// sentence inside a Chinese one.
///
/// A reason travels inside a failure's values under a name (usually `problem`), flattened so that the values stay a
/// plain record of strings and numbers across IPC: `problem` holds the English sentence (logs, the CLI, an old
/// renderer), `problemReason` the reason id, and `problem.<name>` each of the reason's own values. The renderer
/// (renderer/i18n/error-words.ts) replaces `problem` with the reason's wording (`reason.<id>`).
import type { MessageValues } from './fail-with';
import { FILE_REASONS } from './reasons-files';
import { SAVE_REASONS } from './reasons-saves';

/// Every reason by id, with its English and `{name}` placeholders. The renderer has a wording of each in each UI
/// language (`renderer/i18n/messages-reasons.ts`, key `reason.<id>`); tests/unit/i18n/completeness.test.ts checks it.
export const REASONS = {
  // Third-party text that cannot be worded (a parser's or the operating system's own message) keeps its English
  // as `detail`, and says so in the UI language.
  'other.technical': { en: '{detail}' },
  // zhui3a: layout and settings files, JSON syntax, OS errors, path shapes (shared/errors/reasons-files.ts).
  ...FILE_REASONS,
  // zhui3b: sidecars, saves, batch runs, export and import (shared/errors/reasons-saves.ts).
  ...SAVE_REASONS,
} as const satisfies Record<string, { en: string }>;

/// A registered reason's id.
export type ReasonId = keyof typeof REASONS;

/// A reason: its id and the values of its placeholders.
export interface Reason {
  id: ReasonId;
  values?: MessageValues;
}

/// Every reason id.
export const REASON_IDS = Object.keys(REASONS) as ReasonId[];

/// A reason by id.
export function reason(id: ReasonId, values: MessageValues = {}): Reason {
  return Object.keys(values).length > 0 ? { id, values } : { id };
}

/// A reason that is someone else's English text (a parser's message, an OS error): shown as it is.
export function technicalReason(detail: string): Reason {
  return { id: 'other.technical', values: { detail } };
}

/// The English sentence of a reason.
export function reasonEnglish(r: Reason): string {
  const values = r.values ?? {};
  return REASONS[r.id].en.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/// The suffix of the value that holds the reason id of value `name` (`problem` → `problemReason`).
export const REASON_ID_SUFFIX = 'Reason';

/// `values` with reason `r` placed under `name`: its English as `name`, its id as `<name>Reason`, its values as
/// `<name>.<value>`.
export function withReason(values: MessageValues, name: string, r: Reason): MessageValues {
  const out: MessageValues = { ...values, [name]: reasonEnglish(r), [`${name}${REASON_ID_SUFFIX}`]: r.id };
  for (const [key, value] of Object.entries(r.values ?? {})) out[`${name}.${key}`] = value;
  return out;
}

/// The reason placed under `name` in `values` (see `withReason`), or undefined when there is none or its id is not
/// registered.
export function reasonIn(values: MessageValues, name: string): Reason | undefined {
  const id = values[`${name}${REASON_ID_SUFFIX}`];
  if (typeof id !== 'string' || !Object.hasOwn(REASONS, id)) return undefined;
  const own: MessageValues = {};
  const prefix = `${name}.`;
  for (const [key, value] of Object.entries(values)) if (key.startsWith(prefix)) own[key.slice(prefix.length)] = value;
  return reason(id as ReasonId, own);
}
