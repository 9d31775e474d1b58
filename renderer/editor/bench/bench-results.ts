// Shapes shared by the bench page (bench-entry.tsx) and its runner (tests/bench/editor-bench.ts).

/// One typed key: when it was created, when ProseMirror applied it, when the next frame started and finished.
export interface KeySample {
  eventTime: number;
  handlerTime: number;
  processed: number | null;
  frameStart: number | null;
  frameDone: number | null;
}

/// The timings the bench page records and the runner reads.
export interface PageResults {
  chars: number;
  lines: number;
  corrections: number;
  generateMs: number;
  mountStart: number;
  mounted: number | null;
  interactive: number | null;
  keys: KeySample[];
}
