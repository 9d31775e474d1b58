// The positional scanner and the splicing the layout exporters edit files with.
import { expect, test } from 'vitest';
import { applyEdits, attributeEdits, cloneStartTag, IdAllocator } from '../../../../shared/export/layout/xml-edit';
import { decodeXmlText, posChildren, scanXml } from '../../../../shared/export/layout/xml-scan';

const xml = `<?xml version="1.0"?>
<!DOCTYPE r [ <!ENTITY e "x"> ]>
<!-- a <comment> -->
<p:r xmlns:p="urn:x" a='1' b = "2&amp;3">
  <p:w ID="w1" t="𠮷"/><![CDATA[<not an element>]]>
  <p:w ID="w2">t&#233;xt<i>in</i></p:w>
</p:r>`;

test('elements know where their tags, attribute values and content are', () => {
  const root = scanXml(xml)!;
  expect(root.qname).toBe('p:r');
  expect(root.name).toBe('r');
  expect(root.attrs).toEqual({ 'xmlns:p': 'urn:x', a: '1', b: '2&3' });
  expect(xml.slice(root.spans.b!.valueStart, root.spans.b!.valueEnd)).toBe('2&amp;3');
  const [w1, w2] = posChildren(root, 'w');
  expect(xml.slice(w1!.start, w1!.end)).toBe('<p:w ID="w1" t="𠮷"/>');
  expect(w1!.selfClosing).toBe(true);
  expect(xml.slice(w2!.startTagEnd, w2!.contentEnd)).toBe('t&#233;xt<i>in</i>');
  expect(w2!.children[0]).toBe('téxt');
  expect(root.children).toContain('<not an element>');
  expect(xml.slice(root.start, root.end)).toBe(xml.slice(xml.indexOf('<p:r'), xml.length));
});

test('no edits give the text back; edits change only their places', () => {
  expect(applyEdits(xml, [])).toBe(xml);
  const root = scanXml(xml)!;
  const [w1, w2] = posChildren(root, 'w');
  const out = applyEdits(xml, [
    ...attributeEdits(xml, w1!, { t: 'a"<b', ID: null, n: '1' }),
    { start: w2!.startTagEnd, end: w2!.contentEnd, text: 'new' },
  ]);
  expect(out).toBe(xml.replace('<p:w ID="w1" t="𠮷"/>', '<p:w t="a&quot;&lt;b" n="1"/>').replace('t&#233;xt<i>in</i>', 'new'));
  expect(() => applyEdits(xml, [{ start: 5, end: 10, text: '' }, { start: 8, end: 12, text: '' }])).toThrow();
});

test('a copied start tag, closed, with new attributes; IDs not yet used', () => {
  const root = scanXml(xml)!;
  const w2 = posChildren(root, 'w')[1]!;
  expect(cloneStartTag(xml, w2, { ID: 'w2_2' }, true)).toBe('<p:w ID="w2_2"/>');
  const ids = new IdAllocator(xml);
  expect(ids.next('w1')).toBe('w1_2');
  expect(ids.next('w1')).toBe('w1_3');
  expect(ids.next('fresh')).toBe('fresh');
});

test('HTML void elements written without a slash are closed in html mode', () => {
  const html = '<html><head><meta charset="utf-8"><title>t</title></head><body><br><span class="a">x</span></body></html>';
  const root = scanXml(html, { html: true })!;
  const body = posChildren(root, 'body')[0]!;
  expect(posChildren(body).map((e) => e.name)).toEqual(['br', 'span']);
});

test('references XML does not define are left as written', () => {
  expect(decodeXmlText('&lt;&#x20BB7;&nbsp;&#99999999;')).toBe('<𠮷&nbsp;&#99999999;');
});
