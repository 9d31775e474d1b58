import { CodePointIndex } from '../../text/codepoints';
import type { EntitySuggestion } from './types';

// National, provincial and county roads by number (330国道, G60), the way traffic news names them.
const NUMBERED_ROAD = /(?<![0-9０-９A-Za-z])(?:[0-9０-９]{1,4}\s?(?:国道|省道|县道)|[GSX][0-9]{1,4}(?:高速|国道|省道))/gu;

/// Suggests roads named by their number (330国道, G60高速) as places. Offsets are code points.
export function suggestNumberedRoads(text: string, confidence: number): EntitySuggestion[] {
  const index = new CodePointIndex(text);
  return Array.from(text.matchAll(NUMBERED_ROAD), (match) => ({
    start: index.toCp(match.index),
    end: index.toCp(match.index + match[0].length),
    text: match[0],
    type: 'LOC',
    source: 'rule' as const,
    confidence,
  }));
}
