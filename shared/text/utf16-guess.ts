/// A byte-order guess for UTF-16 text without a byte-order mark.
export interface Utf16Guess {
  name: 'UTF-16LE' | 'UTF-16BE';
  /// Share of code units that are plausible newspaper text in that byte order (0..1).
  score: number;
}

/// Guesses whether bytes are UTF-16 without a BOM, and in which byte order.
///
/// chardet does not detect BOM-less UTF-16, so both byte orders are scored by how many code units are plausible
/// text (ASCII, CJK, full-width forms, valid surrogate pairs); one order must score at least 0.95 and clearly
/// beat the other.
export function guessUtf16(bytes: Uint8Array): Utf16Guess | null {
  if (bytes.length < 2) return null;
  const le = plausibility(bytes, true);
  const be = plausibility(bytes, false);
  const best: Utf16Guess = le >= be ? { name: 'UTF-16LE', score: le } : { name: 'UTF-16BE', score: be };
  if (best.score < 0.95 || Math.abs(le - be) < 0.2) return null;
  return best;
}

function plausibility(bytes: Uint8Array, littleEndian: boolean): number {
  const units = Math.floor(bytes.length / 2);
  const unitAt = (i: number) => (littleEndian ? bytes[2 * i]! | (bytes[2 * i + 1]! << 8) : (bytes[2 * i]! << 8) | bytes[2 * i + 1]!);
  let plausible = 0;
  for (let i = 0; i < units; i++) {
    const unit = unitAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < units) {
      const next = unitAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        plausible += 2;
        i++;
      }
      continue;
    }
    if (isPlausibleUnit(unit)) plausible++;
  }
  return units === 0 ? 0 : plausible / units;
}

function isPlausibleUnit(unit: number): boolean {
  if (unit === 0x09 || unit === 0x0a || unit === 0x0d) return true;
  if (unit >= 0x20 && unit <= 0x7e) return true;
  if (unit >= 0xa0 && unit <= 0x24f) return true; // Latin-1 and Latin Extended
  if (unit >= 0x2000 && unit <= 0x206f) return true; // general punctuation
  if (unit >= 0x2e80 && unit <= 0x9fff) return true; // CJK radicals, punctuation, kana, unified ideographs
  if (unit >= 0xf900 && unit <= 0xfaff) return true; // CJK compatibility ideographs
  if (unit >= 0xfe30 && unit <= 0xfe4f) return true; // CJK compatibility forms
  return unit >= 0xff00 && unit <= 0xffef; // full-width forms
}
