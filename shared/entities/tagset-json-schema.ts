import { z } from 'zod';
import { TAGSET_FILE_NAME, TAGSET_VERSION, tagsetSchema } from './tagset';

/// The tag-set file's JSON Schema (draft 2020-12), derived from the zod schema so the two can never disagree.
///
/// `resources/tagset.schema.json` is this object, written by `npm run schema`; a unit test checks the committed file
/// is up to date. Unique ids and keys are checked by the app (JSON Schema cannot say "unique by property").
export function tagsetJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(tagsetSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: `urn:jiaodui:tagset:${TAGSET_VERSION}`,
    title: `Jiaodui corpus tag set, version ${TAGSET_VERSION}`,
    description: `The entity types of a corpus, in ${TAGSET_FILE_NAME} at the corpus root. Type ids and shortcut keys must be unique; spans in sidecars refer to types by id.`,
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}
