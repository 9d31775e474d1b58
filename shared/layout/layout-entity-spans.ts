/// A layout file's own entity tags as the entity spans of a page that has no sidecar yet.
import { entitySchema, type EntitySpan } from '../model/sidecar-schema';
import type { LayoutPage } from './types';

/// The tags of `layout` as entity spans with ids `layout-1`, `layout-2`… in order; a tag that is empty or does not
/// fit the sidecar's entity schema is left out. Empty for no layout or a layout without tags.
export function layoutEntitySpans(layout: LayoutPage | null): EntitySpan[] {
  return (layout?.entities ?? []).flatMap((tag, i) => {
    const span = { id: `layout-${i + 1}`, start: tag.start, end: tag.end, type: tag.type, text: tag.text };
    return tag.end > tag.start && entitySchema.safeParse(span).success ? [span] : [];
  });
}
