/// The Label Studio labelling config written beside the tasks: a named-entity interface whose names match the
/// tasks' results (`from_name` "label", `to_name` "text", the text in `$text`), one `Label` per entity type.
import { typeColour } from './entity-types';

/// The config file's name in the export folder.
export const LABEL_STUDIO_CONFIG_FILE = 'label-studio-config.xml';

/// The `<View>` for `types`, each label in its tag-set colour.
export function labelStudioConfig(types: readonly string[]): string {
  const labels = types.map((type) => `    <Label value="${escapeAttribute(type)}" background="${typeColour(type)}"/>\n`).join('');
  return `<View>\n  <Labels name="label" toName="text">\n${labels}  </Labels>\n  <Text name="text" value="$text"/>\n</View>\n`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
