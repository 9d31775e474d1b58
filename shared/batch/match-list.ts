/// One match, in UTF-16 units on its text (the concordance turns it into code points).
export interface RawMatch {
  /// Index of the text in the list searched.
  text: number;
  index: number;
  length: number;
  /// Capture groups 1..n (regex mode), null where a group took no part.
  groups: (string | null)[];
  named?: Record<string, string | null>;
}

/// The first `limit` matches over all texts, in order, and how many there are in all.
export interface MatchList {
  matches: RawMatch[];
  total: number;
}

/// Finds the matches of a compiled query in texts (the main process runs regular expressions with a time limit).
export type MatchFinder = (query: import('./query').CompiledQuery, texts: readonly string[], limit: number) => import('../result').Result<MatchList>;
