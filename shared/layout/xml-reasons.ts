/// The XML validator's findings (fast-xml-parser's English sentences) as reasons with values, so that a malformed
/// layout file is explained in the UI language. A finding not known here keeps the validator's text, marked as
/// technical.
import { reason, type Reason } from '../errors/reasons';

/// What the validator reported: its sentence and the place (1-based; the column may be missing).
export interface ValidatorFinding {
  msg: string;
  line?: number;
  col?: number;
}

// Each validator sentence (fast-xml-parser 5, src/validator.js) and the reason it becomes; the captured names are
// the reason's values in order.
const FINDINGS: readonly { pattern: RegExp; id: Parameters<typeof reason>[0]; names: readonly string[] }[] = [
  { pattern: /^Unclosed tag '(.*)'\.$/s, id: 'layout.xml.unclosed', names: ['element'] },
  { pattern: /^Expected closing tag '(.*)' \(opened in line (\d+), col (\d+)\) instead of closing tag '(.*)'\.$/s, id: 'layout.xml.wrongClose', names: ['element', 'openLine', 'openColumn', 'found'] },
  { pattern: /^Closing tag '(.*)' has not been opened\.$/s, id: 'layout.xml.closeNotOpened', names: ['element'] },
  { pattern: /^Closing tag '(.*)' doesn't have proper closing\.$/s, id: 'layout.xml.closeUnfinished', names: ['element'] },
  { pattern: /^Closing tag '(.*)' can't have attributes or invalid starting\.$/s, id: 'layout.xml.closeWithAttributes', names: ['element'] },
  { pattern: /^Tag '(.*)' is an invalid name\.$/s, id: 'layout.xml.badName', names: ['element'] },
  { pattern: /^Invalid space after '<'\.$/, id: 'layout.xml.spaceAfterLt', names: [] },
  { pattern: /^Attributes for '(.*)' have open quote\.$/s, id: 'layout.xml.openQuote', names: ['element'] },
  { pattern: /^Attribute '(.*)' has no space in starting\.$/s, id: 'layout.xml.attrNoSpace', names: ['attribute'] },
  { pattern: /^Attribute '(.*)' is without value\.$/s, id: 'layout.xml.attrNoValue', names: ['attribute'] },
  { pattern: /^boolean attribute '(.*)' is not allowed\.$/s, id: 'layout.xml.attrNoValue', names: ['attribute'] },
  { pattern: /^attribute (.*) has no value assigned\.$/s, id: 'layout.xml.attrNoValue', names: ['attribute'] },
  { pattern: /^Attribute '(.*)' is an invalid name\.$/s, id: 'layout.xml.attrBadName', names: ['attribute'] },
  { pattern: /^Attribute '(.*)' is repeated\.$/s, id: 'layout.xml.attrRepeated', names: ['attribute'] },
  { pattern: /^Multiple possible root nodes found\.$/, id: 'layout.xml.secondRoot', names: [] },
  { pattern: /^char '&' is not expected\.$/, id: 'layout.xml.ampersand', names: [] },
  { pattern: /^char '(.*)' is not expected\.$/su, id: 'layout.xml.badChar', names: ['char'] },
  { pattern: /^Extra text at the end$/, id: 'layout.xml.textAfterRoot', names: [] },
  { pattern: /^XML declaration allowed only at the start of the document\.$/, id: 'layout.xml.declarationLate', names: [] },
];

/// The reason of a validator finding, with its place.
export function validatorReason(finding: ValidatorFinding): Reason {
  if (/^Start tag expected\.$/.test(finding.msg)) return reason('layout.xml.noElement');
  const place = { line: finding.line ?? 1, column: finding.col ?? 1 };
  for (const { pattern, id, names } of FINDINGS) {
    const match = pattern.exec(finding.msg);
    if (!match) continue;
    const values: Record<string, string | number> = { ...place };
    names.forEach((name, i) => {
      const text = match[i + 1] ?? '';
      values[name] = /^\d+$/.test(text) && name.startsWith('open') ? Number(text) : text;
    });
    return reason(id, values);
  }
  return reason('layout.xml.other', { ...place, detail: finding.msg });
}
