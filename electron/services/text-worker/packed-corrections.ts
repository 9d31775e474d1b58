import type { Correction } from '../../../shared/model/sidecar-schema';

/// Corrections packed for the trip between threads: numbers in typed arrays and the texts in two joined strings.
///
/// Cloning 180,000 correction objects costs the receiving thread about half a second; this costs a few
/// milliseconds to send, and unpacking is one pass of string slices.
export interface PackedCorrections {
  /// start, end, UTF-16 length of `original`, UTF-16 length of `corrected`, for each correction.
  numbers: Int32Array;
  originals: string;
  correcteds: string;
}

/// Packs corrections (see `PackedCorrections`).
export function packCorrections(corrections: readonly Correction[]): PackedCorrections {
  const numbers = new Int32Array(corrections.length * 4);
  const originals: string[] = [];
  const correcteds: string[] = [];
  corrections.forEach((c, i) => {
    numbers[4 * i] = c.start;
    numbers[4 * i + 1] = c.end;
    numbers[4 * i + 2] = c.original.length;
    numbers[4 * i + 3] = c.corrected.length;
    originals.push(c.original);
    correcteds.push(c.corrected);
  });
  return { numbers, originals: originals.join(''), correcteds: correcteds.join('') };
}

/// Unpacks what `packCorrections` packed.
export function unpackCorrections(packed: PackedCorrections): Correction[] {
  const { numbers, originals, correcteds } = packed;
  const out: Correction[] = [];
  let o = 0;
  let c = 0;
  for (let i = 0; i < numbers.length; i += 4) {
    const original = originals.slice(o, (o += numbers[i + 2]!));
    const corrected = correcteds.slice(c, (c += numbers[i + 3]!));
    out.push({ start: numbers[i]!, end: numbers[i + 1]!, original, corrected });
  }
  return out;
}
