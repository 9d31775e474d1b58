/// What the main process knows at start-up when it decides which corpus to open.
export interface StartupCorpusInput {
  /// `--corpus` from the command line, if given.
  cliCorpus: string | null;
  /// The corpus the saved state already has open (restored by the handlers), if any.
  currentCorpus: string | null;
  /// Corpora opened before, most recent first.
  recentCorpora: readonly string[];
  /// The bundled sample corpus, or null when it is not shipped.
  sampleCorpus: string | null;
}

/// Chooses the folder to open when the app starts, or null to open nothing.
///
/// The command line wins; otherwise a corpus already open stays open; otherwise the most recent corpus is
/// reopened; only a first start (nothing opened before) falls back to the bundled sample corpus.
export function chooseStartupCorpus(input: StartupCorpusInput): string | null {
  if (input.cliCorpus) return input.cliCorpus;
  if (input.currentCorpus) return null;
  const recent = input.recentCorpora[0];
  if (recent) return recent;
  return input.sampleCorpus;
}
