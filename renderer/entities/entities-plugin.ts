import { Plugin } from 'prosemirror-state';
import type { DisplayType } from '../../shared/entities/tagset';
import { entitiesOf } from './entity-index';
import { replaceKeepingEntities } from './entity-commands';

/// How the entity highlights look: colour and label of each type id; unknown ids get a neutral colour.
export type TypeLook = ReadonlyMap<string, Pick<DisplayType, 'colour' | 'label'>>;

/// What the entities plugin tells the app.
export interface EntitiesPluginOptions {
  /// Called when an entity is clicked, with the ids of the entities there, innermost first.
  onEntityClick?(ids: string[], at: number): void;
}

/// Editing behaviour of tagged entities (the `entity` marks, which draw themselves as nested underlined spans).
///
/// Replacing selected text keeps the tags that cover the whole selection (see `replaceKeepingEntities`), so
/// correcting any character of a name keeps its tag; a click on an entity reports the entities there.
export function entitiesPlugin(options: EntitiesPluginOptions = {}): Plugin {
  return new Plugin({
    props: {
      handleTextInput: (view, from, to, text) => {
        const tr = replaceKeepingEntities(view.state, from, to, text);
        if (tr === null) return false;
        view.dispatch(tr.scrollIntoView());
        return true;
      },
      handleClick: (view, pos, event) => {
        if (!options.onEntityClick) return false;
        const target = event.target as HTMLElement | null;
        if (!target?.closest('.ent-mark')) return false;
        const ids = entitiesOf(view.state.doc)
          .filter((e) => e.from <= pos && pos <= e.to)
          .sort((a, b) => a.to - a.from - (b.to - b.from))
          .map((e) => e.id);
        if (ids.length === 0) return false;
        options.onEntityClick(ids, pos);
        return false;
      },
    },
  });
}

/// Builds the look of a list of display types.
export function lookOf(types: readonly DisplayType[]): TypeLook {
  return new Map(types.map((t) => [t.id, { colour: t.colour, label: t.label }]));
}
