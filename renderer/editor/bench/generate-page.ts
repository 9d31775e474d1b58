/// A generated test page: an "OCR original" and a corrected text that differs from it in a few hundred places.
export interface GeneratedPage {
  original: string;
  corrected: string;
  /// Number of edits applied to the original to make the corrected text.
  edits: number;
}

/// Generates a Chinese-looking page of about `chars` code points in about `lines` lines, deterministically.
///
/// Characters are drawn from the CJK Unified Ideographs block with punctuation, digits and a few Extension B
/// characters (𠮷), so the editor meets surrogate pairs; no real newspaper text is used. The corrected text
/// replaces, inserts and deletes single characters at `edits` spread-out places.
export function generatePage(chars = 200_000, lines = 1_500, edits = 300, seed = 7): GeneratedPage {
  const next = seededRandom(seed);
  const punctuation = ['，', '。', '、', '；', '：', '「', '」', '（', '）'];
  const pickChar = (): string => {
    const r = next();
    if (r < 0.08) return punctuation[Math.floor(next() * punctuation.length)]!;
    if (r < 0.1) return String(Math.floor(next() * 10));
    if (r < 0.102) return '𠮷';
    return String.fromCodePoint(0x4e00 + Math.floor(next() * 0x5000));
  };
  const average = chars / lines;
  const out: string[] = [];
  let total = 0;
  for (let i = 0; i < lines && total < chars; i++) {
    // Newspaper columns: mostly full lines, some short ones, a few empty lines between articles.
    const r = next();
    const length = r < 0.03 ? 0 : r < 0.2 ? Math.floor(average * next()) : Math.floor(average * (0.9 + 0.4 * next()));
    const line: string[] = [];
    for (let j = 0; j < length; j++) line.push(pickChar());
    out.push(line.join(''));
    total += length + 1;
  }
  const original = out.join('\n');
  const codePoints = Array.from(original);
  const step = Math.floor(codePoints.length / (edits + 1));
  // Apply from the end so earlier offsets stay valid.
  for (let k = edits; k >= 1; k--) {
    const at = k * step;
    const kind = k % 3;
    if (codePoints[at] === '\n') continue;
    if (kind === 0) codePoints[at] = pickChar();
    else if (kind === 1) codePoints.splice(at, 0, pickChar());
    else codePoints.splice(at, 1);
  }
  return { original, corrected: codePoints.join(''), edits };
}

function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
