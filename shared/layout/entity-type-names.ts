/// The entity type a layout file's tag name stands for, in Jiaodui's tagset ids.
///
/// Layout files name kinds in their own words: Transkribus writes `person`, `place`, `organization`, `date`;
/// ALTO producers write `Person`, `Location`, `Organisation`, or the CoNLL short forms. The usual kinds map to
/// `PER`, `LOC`, `ORG` and `DATE`; any other name is kept as written (trimmed), so nothing the file says is lost.
const KNOWN: Record<string, string> = {
  person: 'PER',
  persname: 'PER',
  per: 'PER',
  place: 'LOC',
  placename: 'LOC',
  location: 'LOC',
  loc: 'LOC',
  organization: 'ORG',
  organisation: 'ORG',
  orgname: 'ORG',
  org: 'ORG',
  date: 'DATE',
  misc: 'MISC',
};

/// `PER`, `LOC`, `ORG`, `DATE` or `MISC` for the usual names (any case), else `name` trimmed; `MISC` when empty.
export function entityTypeOfTagName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return 'MISC';
  return KNOWN[trimmed.toLowerCase()] ?? trimmed;
}
