import type { TypeLook } from './entities-plugin';

/// The style sheet that gives each entity type its colour, for entity spans (`.ent-mark`), suggestions
/// (`.ent-suggestion`) and panel swatches, from the tag set.
///
/// Types are matched by attribute with the id escaped, so any id a sidecar holds is safe to put in CSS; types
/// without a rule keep the neutral colour of editor.css.
export function typeStyleSheet(look: TypeLook): string {
  const rules: string[] = [];
  for (const [id, { colour }] of look) {
    if (!/^#[0-9a-fA-F]{6}$/.test(colour)) continue;
    const type = JSON.stringify(id);
    rules.push(`.ent-mark[data-entity-type=${type}], .ent-suggestion[data-suggestion-type=${type}] { --ent-colour: ${colour}; }`);
  }
  return rules.join('\n');
}
