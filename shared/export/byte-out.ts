/// A growing UTF-8 byte buffer for exporters whose output is mostly ASCII markup and numbers (UIMA CAS XMI writes
/// an element per character of Han text): fixed pieces are copied as bytes encoded once, numbers written as
/// digits, text encoded straight into the buffer. Building such a file as a JavaScript string cost more than the
/// rest of the export together: thousands of concatenations and number conversions, the string flattened, then
/// encoded to UTF-8 again when written.

const encoder = new TextEncoder();

/// A piece of output encoded once (markup that repeats for every element).
export function piece(text: string): Uint8Array {
  return encoder.encode(text);
}

/// The buffer; `bytes()` gives what was written.
export class ByteOut {
  private buf: Uint8Array;
  private length = 0;
  private dataView: DataView | null = null;

  constructor(private readonly initialBytes = 1 << 16) {
    this.buf = new Uint8Array(initialBytes);
  }

  /// Appends a piece made by `piece`.
  piece(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.length = putPiece(this.buf, this.length, bytes);
  }

  /// Appends a non-negative integer below 2^31 in decimal.
  int(value: number): void {
    this.room(16);
    this.length = putInt(this.buf, this.length, value);
  }

  /// Appends `text` as UTF-8 (lone surrogates as U+FFFD, as TextEncoder and Node's writers do).
  text(text: string): void {
    this.room(text.length * 3);
    this.length += encoder.encodeInto(text, this.buf.subarray(this.length)).written;
  }

  /// Appends one code point as UTF-8, a lone surrogate as U+FFFD (as `text` does): for text already split into
  /// code points (a token per Han character), where a call to the encoder per token would cost more than the bytes.
  codePoint(code: number): void {
    this.room(4);
    const { buf } = this;
    if (code < 0x80) buf[this.length++] = code;
    else if (code < 0x800) {
      buf[this.length++] = 0xc0 | (code >> 6);
      buf[this.length++] = 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      const unit = code >= 0xd800 && code <= 0xdfff ? 0xfffd : code;
      buf[this.length++] = 0xe0 | (unit >> 12);
      buf[this.length++] = 0x80 | ((unit >> 6) & 0x3f);
      buf[this.length++] = 0x80 | (unit & 0x3f);
    } else {
      buf[this.length++] = 0xf0 | (code >> 18);
      buf[this.length++] = 0x80 | ((code >> 12) & 0x3f);
      buf[this.length++] = 0x80 | ((code >> 6) & 0x3f);
      buf[this.length++] = 0x80 | (code & 0x3f);
    }
  }

  /// How many bytes were written so far.
  get size(): number {
    return this.length;
  }

  /// Makes room for `extra` more bytes and returns the buffer to write them into from `size` on (with putPiece and
  /// putInt); `advance` then says where the writing stopped. For loops that write many short fields: one check of
  /// the room for a whole run of elements instead of one per field.
  reserve(extra: number): Uint8Array {
    this.room(extra);
    return this.buf;
  }

  /// A DataView of the buffer `reserve` returned, for putWords (valid until the next call that may grow it).
  view(): DataView {
    if (this.dataView?.buffer !== this.buf.buffer) this.dataView = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    return this.dataView;
  }

  /// Ends a write into the buffer `reserve` returned: `to` is the position after the last byte written.
  advance(to: number): void {
    if (to < this.length || to > this.buf.length) throw new RangeError(`ByteOut.advance(${to}) outside ${this.length}…${this.buf.length}`);
    this.length = to;
  }

  /// Empties the buffer to write the next file into it, keeping its memory (up to `keepBytes`: a buffer grown past
  /// that for one large file is let go). Writing into memory already touched costs far less than into a fresh
  /// buffer of a few hundred kilobytes: every new page of memory is a fault in the kernel on its first write.
  reset(keepBytes = 16 << 20): void {
    this.length = 0;
    if (this.buf.length > keepBytes) this.buf = new Uint8Array(this.initialBytes);
  }

  /// The bytes written so far: a view of the buffer, so nothing more is to be written once it is taken.
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  private room(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + extra));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
}

/// Writes `bytes` (a piece) into `buf` at `at`; returns the position after it. The caller made room (ByteOut.reserve).
export function putPiece(buf: Uint8Array, at: number, bytes: Uint8Array): number {
  // TypedArray.set costs more per call than a short loop: most pieces are a few bytes (a tab, `" end="`).
  const count = bytes.length;
  if (count > 32) {
    buf.set(bytes, at);
    return at + count;
  }
  for (let i = 0; i < count; i++) buf[at++] = bytes[i]!;
  return at;
}

/// Writes a non-negative integer below 2^31 in decimal into `buf` at `at`; returns the position after it. The
/// caller made room for 10 digits.
export function putInt(buf: Uint8Array, at: number, value: number): number {
  if (value < 10) {
    buf[at] = 48 + value;
    return at + 1;
  }
  // Offsets and ids stay far below 2^31: integer arithmetic.
  const digits = value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : value < 100000 ? 5 : value < 1000000 ? 6 : String(value).length;
  const after = at + digits;
  let next = after;
  for (let rest = value | 0; rest > 0; rest = (rest / 10) | 0) buf[--next] = 48 + (rest % 10);
  return after;
}

/// A piece split for putWords: its bytes as little-endian 32-bit words, then the 0 to 3 bytes left over.
export interface WordPiece {
  words: Uint32Array;
  tail: Uint8Array;
}

/// Encodes `text` once as a WordPiece (markup written for every element of a large file).
export function wordPiece(text: string): WordPiece {
  const bytes = encoder.encode(text);
  const count = bytes.length >> 2;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = new Uint32Array(count);
  for (let i = 0; i < count; i++) words[i] = view.getUint32(4 * i, true);
  return { words, tail: bytes.slice(4 * count) };
}

/// Writes `piece` into `buf` at `at` through `view` (ByteOut.view: a DataView of the same memory), one unaligned
/// 32-bit store for every four bytes: a piece of 20 bytes costs five stores instead of twenty, which is most of
/// the time of writing an XMI Token element. Returns the position after it. The caller made room.
export function putWords(view: DataView, buf: Uint8Array, at: number, piece: WordPiece): number {
  const { words, tail } = piece;
  for (let i = 0; i < words.length; i++) {
    view.setUint32(at, words[i]!, true);
    at += 4;
  }
  for (let i = 0; i < tail.length; i++) buf[at++] = tail[i]!;
  return at;
}

// The decimal digits of 0 … 9999 as little-endian 32-bit words (first digit in the lowest byte, unused bytes zero),
// their digit counts, and the same numbers padded to four digits: putDigits writes a number of up to four digits
// with one store, up to eight with two.
const DIGIT_WORDS = new Uint32Array(10000);
const DIGIT_COUNTS = new Uint8Array(10000);
const PADDED_WORDS = new Uint32Array(10000);
for (let n = 0; n < 10000; n++) {
  const text = String(n);
  const padded = text.padStart(4, '0');
  let word = 0;
  for (let i = text.length - 1; i >= 0; i--) word = word * 256 + text.charCodeAt(i);
  DIGIT_WORDS[n] = word;
  DIGIT_COUNTS[n] = text.length;
  PADDED_WORDS[n] = padded.charCodeAt(0) + padded.charCodeAt(1) * 0x100 + padded.charCodeAt(2) * 0x10000 + padded.charCodeAt(3) * 0x1000000;
}

/// Writes a non-negative integer below 2^31 in decimal at `at` through `view` (ByteOut.view), as putInt does, with
/// one 32-bit store for up to four digits and two for up to eight. It may write up to 4 bytes past the digits
/// (which the next write overwrites, and which are not part of the output until then): the caller made room for
/// 12 bytes. Returns the position after the digits.
export function putDigits(view: DataView, buf: Uint8Array, at: number, value: number): number {
  if (value < 10000) {
    view.setUint32(at, DIGIT_WORDS[value]!, true);
    return at + DIGIT_COUNTS[value]!;
  }
  if (value >= 100000000) return putInt(buf, at, value);
  const high = (value / 10000) | 0;
  view.setUint32(at, DIGIT_WORDS[high]!, true);
  const after = at + DIGIT_COUNTS[high]!;
  view.setUint32(after, PADDED_WORDS[value - high * 10000]!, true);
  return after + 4;
}
