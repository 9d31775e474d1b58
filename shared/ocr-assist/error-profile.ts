import { CorrectionMap } from '../model/corrections';
import type { Correction } from '../model/sidecar-schema';

/// What the app learned from one corpus's corrections: which OCR readings the editor replaced with what, how often,
/// beside which characters, and how often the same readings stand uncorrected in the corrected texts.
///
/// Plain JSON (it is cached in the corpus's data folder). Contexts are the neighbouring code points in the
/// corrected text ('' at a line start or end): the neighbours of an OCR error are usually read right, so they are
/// what a new page shows around the same error.
export interface ErrorProfile {
  format: 'jiaodui-error-profile';
  version: 1;
  /// Sidecars read (pages the editor has worked on).
  pages: number;
  /// Replacements learned (each occurrence counted).
  replacements: number;
  entries: ProfileEntry[];
  /// For each `from` of an entry: how often it stands in the corrected texts (where it is right), and beside what.
  kept: KeptReading[];
}

/// One learned replacement: the OCR reading `from` was corrected to `to` `count` times.
export interface ProfileEntry {
  from: string;
  to: string;
  count: number;
  /// How many of them came from a batch replace, and from accepted suggestions of a rule (the rest typed by hand).
  batch: number;
  accepted: number;
  /// Left and right neighbours in the corrected text, with counts, most frequent first.
  left: [string, number][];
  right: [string, number][];
  /// Pages it was made on (at most MAX_PAGES_LISTED, relative paths), for explaining where it was learned.
  pages: string[];
}

/// How often a reading stands in the corrected texts, with its most frequent neighbours.
export interface KeptReading {
  text: string;
  count: number;
  left: [string, number][];
  right: [string, number][];
}

/// One page's corrected text and its corrections (offsets on the arranged original, as in the sidecar).
export interface ProfilePage {
  path: string;
  text: string;
  corrections: readonly Correction[];
}

/// Longest reading (and replacement) learned, in code points: longer corrections are rewrites, not misreadings.
export const MAX_READING = 4;
/// Rules whose corrections are layout (line breaks, order): they say nothing about misread characters.
const LAYOUT_RULES = new Set(['reading-order', 'reflow', 'vertical-headline']);
/// Neighbours kept per side for a reading left alone; rarer neighbours only count in the total.
const MAX_KEPT_NEIGHBOURS = 64;
const MAX_PAGES_LISTED = 5;
/// The rule name a batch replace gives its corrections (electron/services/batch/batch-corrections.ts).
const BATCH_RULE = 'batch';

/// One replacement found in a page: `from` → `to` with the corrected text's neighbours.
export interface Replacement {
  from: string;
  to: string;
  left: string;
  right: string;
  rule: string | undefined;
}

/// The replacements of one page's corrections: character for character where the two sides are equally long,
/// else the whole (short) stretch. Whitespace-only changes, line breaks, layout rules and insertions (an empty
/// reading, which cannot be looked for on another page) are left out.
export function replacementsOf(page: Pick<ProfilePage, 'text' | 'corrections'>): Replacement[] {
  const text = Array.from(page.text);
  const out: Replacement[] = [];
  for (const { start, end, correction } of new CorrectionMap(page.corrections).correctedRanges()) {
    if (correction.rule !== undefined && LAYOUT_RULES.has(correction.rule)) continue;
    const from = Array.from(correction.original);
    const to = Array.from(correction.corrected);
    if (from.length === 0 || from.length > MAX_READING || to.length > MAX_READING) continue;
    if (/\n/u.test(correction.original + correction.corrected)) continue;
    // Spacing is the spacing rule's business; a reading of spaces alone would match every space of a page.
    if (correction.original.replace(/\s+/gu, '') === correction.corrected.replace(/\s+/gu, '') || correction.original.trim() === '') continue;
    if (from.length === to.length && from.length > 1) {
      // Equal lengths: each differing character is its own misreading, with its own neighbours.
      from.forEach((ch, i) => {
        if (ch !== to[i] && ch.trim() !== '') out.push({ from: ch, to: to[i]!, left: text[start + i - 1] ?? '', right: text[start + i + 1] ?? '', rule: correction.rule });
      });
      continue;
    }
    out.push({ from: from.join(''), to: to.join(''), left: neighbour(text, start - 1), right: neighbour(text, end), rule: correction.rule });
  }
  return out;
}

const neighbour = (text: readonly string[], at: number): string => (at < 0 || at >= text.length || text[at] === '\n' ? '' : text[at]!);

/// Builds the error profile of a set of pages: every replacement, then how often each reading stands as correct.
///
/// Linear in the text: the readings are looked for by their first code point.
export function buildErrorProfile(pages: readonly ProfilePage[]): ErrorProfile {
  return assembleErrorProfile(pages.map((page) => ({ path: page.path, text: page.text, replacements: replacementsOf(page) })));
}

/// The profile from replacements already extracted per page (the main process caches them per sidecar).
export function assembleErrorProfile(pages: readonly { path: string; text: string; replacements: readonly Replacement[] }[]): ErrorProfile {
  const entries = new Map<string, { entry: ProfileEntry; left: Map<string, number>; right: Map<string, number> }>();
  let replacements = 0;
  for (const page of pages) {
    for (const r of page.replacements) {
      const key = `${r.from}\u0000${r.to}`;
      let acc = entries.get(key);
      if (!acc) {
        acc = { entry: { from: r.from, to: r.to, count: 0, batch: 0, accepted: 0, left: [], right: [], pages: [] }, left: new Map(), right: new Map() };
        entries.set(key, acc);
      }
      acc.entry.count++;
      if (r.rule === BATCH_RULE) acc.entry.batch++;
      else if (r.rule !== undefined) acc.entry.accepted++;
      bump(acc.left, r.left);
      bump(acc.right, r.right);
      if (acc.entry.pages.length < MAX_PAGES_LISTED && !acc.entry.pages.includes(page.path)) acc.entry.pages.push(page.path);
      replacements++;
    }
  }
  const readings = new Set([...entries.values()].map(({ entry }) => entry.from));
  return {
    format: 'jiaodui-error-profile',
    version: 1,
    pages: pages.length,
    replacements,
    entries: [...entries.values()]
      .map(({ entry, left, right }) => ({ ...entry, left: sorted(left), right: sorted(right) }))
      .sort((a, b) => b.count - a.count || compare(a.from, b.from) || compare(a.to, b.to)),
    kept: countKept(pages.map((p) => p.text), readings),
  };
}

/// How often each reading occurs in the corrected texts, and its neighbours there.
function countKept(texts: readonly string[], readings: ReadonlySet<string>): KeptReading[] {
  const byFirst = new Map<string, string[][]>();
  for (const reading of readings) {
    const chars = Array.from(reading);
    const list = byFirst.get(chars[0]!) ?? [];
    list.push(chars);
    byFirst.set(chars[0]!, list);
  }
  const counts = new Map<string, { count: number; left: Map<string, number>; right: Map<string, number> }>();
  for (const text of texts) {
    const chars = Array.from(text);
    chars.forEach((ch, i) => {
      for (const reading of byFirst.get(ch) ?? []) {
        if (!reading.every((c, k) => chars[i + k] === c)) continue;
        const key = reading.join('');
        let acc = counts.get(key);
        if (!acc) counts.set(key, (acc = { count: 0, left: new Map(), right: new Map() }));
        acc.count++;
        bump(acc.left, neighbour(chars, i - 1));
        bump(acc.right, neighbour(chars, i + reading.length));
      }
    });
  }
  return [...counts]
    .map(([text, acc]) => ({ text, count: acc.count, left: sorted(acc.left).slice(0, MAX_KEPT_NEIGHBOURS), right: sorted(acc.right).slice(0, MAX_KEPT_NEIGHBOURS) }))
    .sort((a, b) => compare(a.text, b.text));
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

const sorted = (map: Map<string, number>): [string, number][] => [...map].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/// An empty profile (nothing learned yet).
export function emptyErrorProfile(): ErrorProfile {
  return { format: 'jiaodui-error-profile', version: 1, pages: 0, replacements: 0, entries: [], kept: [] };
}
