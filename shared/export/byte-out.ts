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
