import iconv from 'iconv-lite';

/// A legacy Chinese encoding guess: the encoding and how well the text reads in it (0..1).
export interface ChineseGuess {
  name: 'GB18030' | 'Big5';
  score: number;
}

// Enough text to judge; short pages are judged whole.
const SAMPLE_BYTES = 8192;

/// Guesses between GB18030 and Big5 by how much of the decoded text is common Chinese.
///
/// chardet needs a few dozen characters to be sure; a short page (a headline, a caption) often gets a wrong or
/// uncertain answer. Decoded in the right encoding, such text consists of frequent characters: GB2312 level 1
/// (the 3,755 commonest simplified characters) or Big5 level 1 (the 5,401 commonest traditional ones). Decoded
/// in the wrong one it turns into rare characters, kana, symbols or U+FFFD. Returns null when neither reads well.
export function guessChineseEncoding(bytes: Uint8Array): ChineseGuess | null {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SAMPLE_BYTES));
  const candidates: ChineseGuess[] = (['GB18030', 'Big5'] as const).map((name) => ({ name, score: readability(iconv.decode(sample, name === 'GB18030' ? 'gb18030' : 'big5')) }));
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  return best.score >= 0.6 && best.score - candidates[1]!.score >= 0.2 ? best : null;
}

function readability(text: string): number {
  let judged = 0;
  let good = 0;
  // The sample may end inside a character; ignore a replacement at the very end.
  const chars = Array.from(text.endsWith('\uFFFD') ? text.slice(0, -1) : text);
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    judged++;
    if (isCjkPunctuation(cp) || isCommonHan(ch)) good++;
  }
  return judged === 0 ? 0 : good / judged;
}

function isCjkPunctuation(cp: number): boolean {
  return (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff5e) || cp === 0x2014 || cp === 0x2026 || (cp >= 0x2018 && cp <= 0x201d);
}

function isCommonHan(ch: string): boolean {
  const gb = iconv.encode(ch, 'gb18030');
  // GB2312 level 1: lead byte B0–D7, trail byte A1–FE.
  if (gb.length === 2 && gb[0]! >= 0xb0 && gb[0]! <= 0xd7 && gb[1]! >= 0xa1 && gb[1]! <= 0xfe) return true;
  const big5 = iconv.encode(ch, 'big5');
  if (big5.length !== 2) return false;
  // Big5 level 1 runs from A440 to C67E; trail bytes are 40–7E or A1–FE.
  const code = (big5[0]! << 8) | big5[1]!;
  const trail = big5[1]!;
  return code >= 0xa440 && code <= 0xc67e && ((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe));
}
