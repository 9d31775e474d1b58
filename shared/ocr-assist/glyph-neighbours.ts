import { GLYPH_NEIGHBOURS } from './glyph-neighbours-data';

/// Character → the characters that look most like it in print, closest first; parsed on first use.
let table: Map<string, readonly string[]> | undefined;

/// The characters whose printed shape is closest to `ch` (from glyph images of a serif CJK typeface, see
/// scripts/make-glyph-neighbours.ts), closest first; an empty list for characters outside the table.
export function glyphLookAlikesOf(ch: string): readonly string[] {
  table ??= parse(GLYPH_NEIGHBOURS);
  return table.get(ch) ?? [];
}

function parse(data: string): Map<string, readonly string[]> {
  const parsed = new Map<string, readonly string[]>();
  for (const entry of data.split(' ')) {
    const [ch, ...others] = Array.from(entry);
    if (ch !== undefined && others.length > 0) parsed.set(ch, others);
  }
  return parsed;
}
