import { UNKNOWN_TYPE_COLOUR, type Tagset } from '../../shared/entities/tagset';
import { useT } from '../i18n/LanguageContext';

/// A small coloured badge naming an entity type by its tag-set label (or its id, marked, when it is not in the set).
export function TypeBadge({ type, tagset, count }: { type: string; tagset: Tagset; count?: number }) {
  const t = useT();
  const known = tagset.types.find((x) => x.id === type);
  const label = known ? `${known.label} ${type}` : type;
  return (
    <span
      className={`corpus-type-badge${known ? '' : ' unknown'}`}
      style={{ borderColor: known?.colour ?? UNKNOWN_TYPE_COLOUR, color: known?.colour ?? UNKNOWN_TYPE_COLOUR }}
      title={known ? undefined : t('corpusEntities.unknownType')}
    >
      {label}
      {count !== undefined && <span className="corpus-type-count"> {count}</span>}
    </span>
  );
}
