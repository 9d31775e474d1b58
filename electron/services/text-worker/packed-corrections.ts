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
  const out: Correction[] = [];
  unpackInto(packed, out, { i: 0, o: 0, c: 0 }, packed.numbers.length);
  return out;
}

// Corrections unpacked per slice between two yields (about 5 ms of work).
const SLICE = 20_000;

/// Unpacks what `packCorrections` packed as `unpackCorrections` does, yielding to the event loop between slices:
/// 180,000 corrections take the main process about 70 ms in one stretch otherwise.
export async function unpackCorrectionsInSlices(packed: PackedCorrections): Promise<Correction[]> {
  const out: Correction[] = [];
  const at = { i: 0, o: 0, c: 0 };
  while (at.i < packed.numbers.length) {
    if (at.i > 0) await new Promise((resolve) => setImmediate(resolve));
    unpackInto(packed, out, at, Math.min(packed.numbers.length, at.i + 4 * SLICE));
  }
  return out;
}

// Unpacks the corrections whose numbers start at `at.i`, up to index `until` of the numbers; advances `at`.
function unpackInto(packed: PackedCorrections, out: Correction[], at: { i: number; o: number; c: number }, until: number): void {
  const { numbers, originals, correcteds } = packed;
  let { i, o, c } = at;
  for (; i < until; i += 4) {
    const original = originals.slice(o, (o += numbers[i + 2]!));
    const corrected = correcteds.slice(c, (c += numbers[i + 3]!));
    out.push({ start: numbers[i]!, end: numbers[i + 1]!, original, corrected });
  }
  at.i = i;
  at.o = o;
  at.c = c;
}
