import { z } from 'zod';
import { jsonSyntaxReason } from '../errors/json-reason';
import { reason, type Reason } from '../errors/reasons';
import { firstSchemaReason } from '../errors/schema-reason';
import {
  SIDECAR_SCHEMA_VERSION,
  sidecarSchema,
  sidecarV1Schema,
  sidecarV2Schema,
  upgradeSidecarV1,
  upgradeSidecarV2,
  type Correction,
  type EntitySpan,
  type Sidecar,
} from './sidecar-schema';

/// The outcome of reading a sidecar: a valid document, or why it cannot be used: in English (`message`, for logs
/// and the command line) and as a reason the UI words in its language, with the number of further problems
/// (`more`: schema issues after the first).
export type SidecarParse =
  | { kind: 'ok'; sidecar: Sidecar }
  | { kind: 'invalid-json' | 'schema' | 'newer-version' | 'foreign'; message: string; reason: Reason; more: number };

/// Serialises a sidecar deterministically: fixed key order, sorted lists, two-space indent, final newline.
///
/// The same document always gives the same bytes, so sidecars diff and merge well in git.
export function serializeSidecar(sidecar: Sidecar): string {
  const ordered = {
    format: sidecar.format,
    schemaVersion: sidecar.schemaVersion,
    app: { name: sidecar.app.name, version: sidecar.app.version },
    source: {
      file: sidecar.source.file,
      format: sidecar.source.format,
      bytes: sidecar.source.bytes,
      sha256: sidecar.source.sha256,
      encoding: sidecar.source.encoding,
      bom: sidecar.source.bom,
      lineEnding: sidecar.source.lineEnding,
    },
    status: sidecar.status,
    ...(sidecar.note !== undefined && { note: sidecar.note }),
    created: sidecar.created,
    modified: sidecar.modified,
    text: sidecar.text,
    moves: [...sidecar.moves].sort((a, b) => a.start - b.start).map((m) => ({ start: m.start, end: m.end, to: m.to })),
    corrections: [...sidecar.corrections]
      .sort(compareCorrections)
      .map((c) => ({ start: c.start, end: c.end, original: c.original, corrected: c.corrected, ...(c.rule !== undefined && { rule: c.rule }) })),
    entities: sortEntities(sidecar.entities).map((e) => ({ id: e.id, start: e.start, end: e.end, type: e.type, text: e.text })),
    lineOrigins: LINE_ORIGINS_PLACEHOLDER,
    rejectedEntities: [...sidecar.rejectedEntities]
      .sort((a, b) => (a.start ?? -1) - (b.start ?? -1) || a.type.localeCompare(b.type) || a.text.localeCompare(b.text))
      .map((r) => (r.start === undefined ? { text: r.text, type: r.type } : { text: r.text, type: r.type, start: r.start, end: r.end })),
    rejectedCorrections: [...sidecar.rejectedCorrections]
      .sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule))
      .map((r) => ({ rule: r.rule, start: r.start, end: r.end, text: r.text, replacement: r.replacement })),
  };
  // One line per corrected line's origins would make a 10,000-line page 30,000 lines of sidecar; the whole list
  // goes on one line instead. (The key is part of the pattern, so page text can never match it: in the JSON,
  // quotes inside text are escaped.)
  return JSON.stringify(ordered, null, 2).replace(`"lineOrigins": "${LINE_ORIGINS_PLACEHOLDER}"`, () => `"lineOrigins": ${JSON.stringify(sidecar.lineOrigins)}`) + '\n';
}

const LINE_ORIGINS_PLACEHOLDER = '@@jiaodui-line-origins@@';

/// Sorts entity spans by start, then longer first (so nesting reads outer → inner), then type and id.
export function sortEntities(entities: readonly EntitySpan[]): EntitySpan[] {
  return [...entities].sort(
    (a, b) => a.start - b.start || b.end - a.end || a.type.localeCompare(b.type) || a.id.localeCompare(b.id),
  );
}

function compareCorrections(a: Correction, b: Correction): number {
  return a.start - b.start || a.end - b.end;
}

/// Parses and validates sidecar JSON, telling apart bad JSON, foreign files, newer versions and schema errors.
export function parseSidecar(json: string): SidecarParse {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { kind: 'invalid-json', message: `The sidecar is not valid JSON (${(error as Error).message}).`, reason: jsonSyntaxReason(json, error), more: 0 };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== 'jiaodui-sidecar') {
    return { kind: 'foreign', message: 'The sidecar file is not a Jiaodui sidecar (its "format" is not "jiaodui-sidecar").', reason: reason('sidecar.notJiaodui'), more: 0 };
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > SIDECAR_SCHEMA_VERSION) {
    return {
      kind: 'newer-version',
      message: `The sidecar was written by a newer Jiaodui (schema version ${version}; this version reads up to ${SIDECAR_SCHEMA_VERSION}).`,
      reason: reason('sidecar.newerVersion', { version, supported: SIDECAR_SCHEMA_VERSION }),
      more: 0,
    };
  }
  if (version === 1) {
    const v1 = sidecarV1Schema.safeParse(data);
    if (v1.success) return { kind: 'ok', sidecar: upgradeSidecarV1(v1.data) };
    return schemaProblem(v1.error, data, ' (version 1)');
  }
  if (version === 2) {
    const v2 = sidecarV2Schema.safeParse(data);
    if (v2.success) return { kind: 'ok', sidecar: upgradeSidecarV2(v2.data) };
    return schemaProblem(v2.error, data, ' (version 2)');
  }
  const parsed = sidecarSchema.safeParse(data);
  if (!parsed.success) {
    return schemaProblem(parsed.error, data, '');
  }
  return { kind: 'ok', sidecar: parsed.data };
}

// A schema failure: zod's own English for logs, its first issue as a reason (the field's path from the document,
// `$` for the document itself) and the count of the others.
function schemaProblem(error: z.ZodError, data: unknown, version: string): SidecarParse {
  const { reason: first, more } = firstSchemaReason(error.issues, data, '$');
  return { kind: 'schema', message: `The sidecar does not match the sidecar schema${version}: ${z.prettifyError(error).replace(/\n/g, '; ')}`, reason: first, more };
}
