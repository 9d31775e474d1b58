import { expect } from 'vitest';
import type { EntitySuggestion } from '../../../shared/entities/suggest/types';

/// The texts of suggestions, in order.
export const texts = (found: readonly EntitySuggestion[]) => found.map((s) => s.text);

/// Checks that every suggestion's offsets are code points that cover exactly its text.
export function expectOffsetsMatch(text: string, found: readonly EntitySuggestion[]): void {
  const cps = Array.from(text);
  for (const s of found) expect(cps.slice(s.start, s.end).join('')).toBe(s.text);
}
