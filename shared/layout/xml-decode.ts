/// Decodes the bytes of a layout file into text, honouring a byte-order mark or the XML declaration's encoding.
///
/// Layout files are usually UTF-8, but ALTO from older scanning workflows may declare ISO-8859-1 or
/// windows-1252, and some tools write UTF-16 with a byte-order mark.

/// Decodes `bytes`: a BOM wins, then `<?xml … encoding="…"?>`, then UTF-8. Unknown encodings fall back to UTF-8;
/// undecodable bytes become U+FFFD.
export function decodeXmlBytes(bytes: Uint8Array): string {
  const encoding = bomEncoding(bytes) ?? declaredEncoding(bytes) ?? 'utf-8';
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/// The encoding `decodeXmlBytes` uses for `bytes`, by its display name (UTF-8, UTF-16LE, ISO-8859-1, …), and
/// whether a byte-order mark decided it.
export function xmlEncodingName(bytes: Uint8Array): { name: string; bom: boolean } {
  const bom = bomEncoding(bytes);
  const chosen = bom ?? declaredEncoding(bytes) ?? 'utf-8';
  let label: string;
  try {
    label = new TextDecoder(chosen).encoding;
  } catch {
    label = 'utf-8';
  }
  return { name: label.toUpperCase(), bom: bom !== undefined };
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function declaredEncoding(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII in every ASCII-compatible encoding, so reading the head as Latin-1 is safe.
  const head = Array.from(bytes.subarray(0, 200), (b) => String.fromCharCode(b)).join('');
  return /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
}
