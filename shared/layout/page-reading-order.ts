/// Works out the order of PAGE XML regions from the page's `ReadingOrder`.
///
/// `OrderedGroup`/`OrderedGroupIndexed` list `RegionRefIndexed` (and nested groups) with an `index`, which decides
/// their order whatever order they are written in; `UnorderedGroup` members keep the order they are written in.
import { attr, childElements, firstChild, type XmlElement } from './xml-tree';

/// Region ids in reading order, as `page`'s ReadingOrder gives them; empty when it has none.
export function readingOrderIds(page: XmlElement): string[] {
  const readingOrder = firstChild(page, 'ReadingOrder');
  if (!readingOrder) return [];
  const ids: string[] = [];
  for (const group of childElements(readingOrder)) collectGroup(group, ids);
  return [...new Set(ids)];
}

function collectGroup(group: XmlElement, ids: string[]): void {
  // A group may itself stand for a region (for example an article made of several regions).
  const own = attr(group, 'regionRef');
  if (own) ids.push(own);
  const members = childElements(group).filter((child) => MEMBER_NAMES.has(child.name));
  const ordered = group.name.startsWith('OrderedGroup') ? sortByIndex(members) : members;
  for (const member of ordered) {
    if (member.name.startsWith('RegionRef')) {
      const ref = attr(member, 'regionRef');
      if (ref) ids.push(ref);
    } else {
      collectGroup(member, ids);
    }
  }
}

const MEMBER_NAMES = new Set([
  'RegionRef',
  'RegionRefIndexed',
  'OrderedGroup',
  'OrderedGroupIndexed',
  'UnorderedGroup',
  'UnorderedGroupIndexed',
]);

// Members without a usable index keep their written place after the indexed ones.
function sortByIndex(members: XmlElement[]): XmlElement[] {
  const keyed = members.map((member, position) => {
    const index = Number(attr(member, 'index'));
    return { member, position, index: Number.isFinite(index) ? index : Number.POSITIVE_INFINITY };
  });
  keyed.sort((a, b) => a.index - b.index || a.position - b.position);
  return keyed.map((k) => k.member);
}
