/// Text in XML 1.0 attribute values, for the UIMA CAS XMI export.

/// `text` with every character XML 1.0 cannot hold at all, even as a character reference (C0 controls other than
/// tab, line feed and carriage return; U+FFFE, U+FFFF; unpaired surrogates), replaced by U+FFFD, which, like each of
/// them, is one UTF-16 unit: offsets into the text stay right. Also returns how many were replaced.
export function xml10Safe(text: string): { text: string; replaced: number } {
  let out = '';
  let from = 0;
  let replaced = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    if (isXml10Unit(unit)) continue;
    out += text.slice(from, i) + '\ufffd';
    from = i + 1;
    replaced++;
  }
  return replaced === 0 ? { text, replaced } : { text: out + text.slice(from), replaced };
}

// A BMP unit XML 1.0 allows: tab, line feed, carriage return, U+0020-U+D7FF, U+E000-U+FFFD (surrogates only in
// pairs, handled by the caller).
function isXml10Unit(unit: number): boolean {
  return unit === 0x09 || unit === 0x0a || unit === 0x0d || (unit >= 0x20 && unit < 0xd800) || (unit >= 0xe000 && unit <= 0xfffd);
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/// Escapes text for a double-quoted XML attribute. Tab, line feed and carriage return are written as character
/// references: a parser turns them into spaces otherwise (attribute-value normalisation), which would change the
/// document text an XMI `sofaString` carries.
export function xmlAttr(text: string): string {
  return text.replace(/[&<>"\t\n\r]/gu, (char) => ATTR_ESCAPES[char] ?? char);
}

const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
