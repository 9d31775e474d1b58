import type { Tagset } from '../../shared/entities/tagset';

/// A function naming an entity type by its tag set label (e.g. PER → 人名); a type the tag set does not have keeps
/// its id, as the entity panel shows it (displayTypes).
export function typeLabeller(tagset: Tagset): (type: string) => string {
  const labels = new Map(tagset.types.map((type) => [type.id, type.label]));
  return (type) => labels.get(type) ?? type;
}
