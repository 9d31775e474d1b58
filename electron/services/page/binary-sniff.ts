// Well-known file signatures, so the message can say what the file probably is.
// `format` is a proper name the renderer shows as it is in every language.
const MAGIC: { name: string; format: string; bytes: number[] }[] = [
  { name: 'a PNG image', format: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', format: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', format: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a TIFF image', format: 'TIFF', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'a TIFF image', format: 'TIFF', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'a PDF document', format: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive (or Office document)', format: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
];

// Above this share of control bytes a file is not text.
const MAX_CONTROL_RATIO = 0.05;

/// Which binary format bytes start with: its short name (PNG, JPEG, GIF, TIFF, PDF, ZIP) and a sentence saying so,
/// or null.
export function knownBinaryFormat(bytes: Uint8Array): { format: string; message: string } | null {
  const magic = MAGIC.find((m) => m.bytes.every((b, i) => bytes[i] === b));
  return magic ? { format: magic.format, message: `This file is ${magic.name}, not a text file.` } : null;
}

/// True when more than 5% of the first 64 KiB are control bytes that text files do not contain.
///
/// Only meaningful for bytes without NULs: UTF-16 text has control-range bytes inside ordinary characters.
export function hasManyControlBytes(bytes: Uint8Array): boolean {
  return controlRatio(bytes) > MAX_CONTROL_RATIO;
}

// 1 for the control bytes text files do not contain: tab, LF, VT, FF, CR and ESC (used by ISO-2022 encodings) occur
// in text; NUL is judged elsewhere. A table and an index loop: the byte iterator cost 0.2 ms per page.
const IS_CONTROL = new Uint8Array(256);
for (let b = 1; b < 0x20; b++) if (b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) IS_CONTROL[b] = 1;

function controlRatio(bytes: Uint8Array): number {
  const length = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < length; i++) control += IS_CONTROL[bytes[i]!]!;
  return length === 0 ? 0 : control / length;
}
