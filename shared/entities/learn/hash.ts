/// Numeric feature hashing: a feature is a template number and a few code points or small strings, mixed into one
/// 32-bit integer. Numbers, not strings, because training reads millions of characters and building a string per
/// feature per character would dominate its time. Two features colliding in 32 bits is rare enough to ignore.

/// Starts a feature hash for template `template`.
export function hashStart(template: number): number {
  return mix(template * 0x9e3779b1);
}

/// Adds one number (a code point, a tag's hash) to a feature hash.
export function hashAdd(hash: number, value: number): number {
  return mix(Math.imul(hash ^ value, 0x85ebca6b) + 0x6b43a9b5);
}

/// The hash of a short string (a tag, a word), computed once and cached by callers.
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h);
}

// MurmurHash3's finaliser: every input bit affects every output bit.
function mix(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
