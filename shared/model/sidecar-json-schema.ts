import { z } from 'zod';
import { SIDECAR_SCHEMA_VERSION, sidecarSchema } from './sidecar-schema';

/// The sidecar's JSON Schema (draft 2020-12), derived from the zod schema so the two can never disagree.
///
/// `resources/sidecar.schema.json` is this object, written by `npm run schema`; a unit test checks the committed
/// file is up to date.
export function sidecarJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(sidecarSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: `urn:jiaodui:sidecar:${SIDECAR_SCHEMA_VERSION}`,
    title: `Jiaodui sidecar, schema version ${SIDECAR_SCHEMA_VERSION}`,
    description:
      'One per page file, named <page file name>.jiaodui.json. Offsets are Unicode code points on NFC text with LF line endings. ' +
      'Moves put blocks of the original in corrected reading order (the arranged original); corrections are replacements on the arranged original. ' +
      'A page note ("note") requires schemaVersion 4; a sidecar without one is written as version 3.',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}
