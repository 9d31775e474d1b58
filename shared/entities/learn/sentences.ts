/// Sentence splitting for the labeller: it is trained on and reads one sentence at a time.

/// Characters that end a sentence (kept with it).
const ENDS = new Set(['。', '！', '？', '；', '!', '?', ';', '\n']);

/// Longest sentence read at once, in code points; longer runs without an end are cut here.
export const MAX_SENTENCE = 400;

/// A sentence's code-point extent on its text.
export interface SentenceExtent {
  start: number;
  end: number;
}

/// The sentences of `cps` (code points as strings), split after 。！？； and at line ends (the line end belongs to
/// no sentence); empty ones left out.
export function splitSentences(cps: readonly string[]): SentenceExtent[] {
  const out: SentenceExtent[] = [];
  let start = 0;
  const close = (end: number) => {
    if (end > start) out.push({ start, end });
  };
  for (let i = 0; i < cps.length; i++) {
    const ch = cps[i]!;
    if (ch === '\n') {
      close(i);
      start = i + 1;
    } else if (ENDS.has(ch)) {
      // A closing quote right after the end mark belongs to the sentence it closes.
      let end = i + 1;
      while (end < cps.length && (cps[end] === '”' || cps[end] === '’' || cps[end] === '」')) end++;
      close(end);
      start = end;
      i = end - 1;
    } else if (i + 1 - start >= MAX_SENTENCE) {
      close(i + 1);
      start = i + 1;
    }
  }
  close(cps.length);
  return out;
}
