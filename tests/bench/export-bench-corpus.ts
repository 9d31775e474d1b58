/// The export benchmark's corpus: pages of about 3,000 characters of generated Han text (one in 150 an Extension B
/// character such as 𠮷), each with a sidecar of 20 one-character corrections and 30 entity spans (3 of them nested
/// in another), written through the same pure save preparation the app uses, so every sidecar is consistent.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pageSourceFromBytes } from '../../electron/services/page/page-source';
import { prepareSaveFromBytes } from '../../electron/services/page/prepare-save';
import type { EntitySpan } from '../../shared/model/sidecar-schema';

const CHARS_PER_PAGE = 3_000;
const CORRECTIONS = 20;
const ENTITIES = 30;
const NESTED = 3;
const TYPES = ['PER', 'LOC', 'ORG', 'DATE'];

let seed = 20261207;
function random(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
}
const han = () => String.fromCodePoint(random() < 1 / 150 ? 0x20bb7 : 0x4e00 + Math.floor(random() * 0x5000));

// Lines of 30 to 50 characters; returns the lines (joined with LF they make the page).
function pageLines(): string[] {
  const lines: string[] = [];
  let total = 0;
  while (total < CHARS_PER_PAGE) {
    const length = 30 + Math.floor(random() * 20);
    let line = '';
    for (let i = 0; i < length; i++) line += han();
    lines.push(line);
    total += length + 1;
  }
  return lines;
}

// 20 characters replaced at distinct places (never a line break).
function corrected(original: string): string {
  const chars = Array.from(original);
  const done = new Set<number>();
  while (done.size < CORRECTIONS) {
    const at = Math.floor(random() * chars.length);
    if (chars[at] === '\n' || done.has(at)) continue;
    done.add(at);
    chars[at] = chars[at] === '正' ? '誤' : '正';
  }
  return chars.join('');
}

// 27 disjoint spans of 2 to 4 characters within lines, and 3 more nested inside some of them.
function entities(text: string): EntitySpan[] {
  const chars = Array.from(text);
  const spans: EntitySpan[] = [];
  const slot = Math.floor(chars.length / (ENTITIES - NESTED));
  for (let i = 0; i < ENTITIES - NESTED; i++) {
    let start = i * slot + Math.floor(random() * (slot - 6));
    let end = start + 2 + Math.floor(random() * 3);
    while (chars.slice(start, end).includes('\n')) {
      start++;
      end++;
    }
    spans.push({ id: `e${i}`, start, end, type: TYPES[i % TYPES.length]!, text: chars.slice(start, end).join('') });
  }
  for (let n = 0; n < NESTED; n++) {
    const outer = spans[n * 7]!;
    spans.push({ id: `n${n}`, start: outer.start, end: outer.start + 1, type: 'LOC', text: chars[outer.start]! });
  }
  return spans;
}

function alto(lines: string[], image: string): string {
  const rows = lines.map((line, i) => {
    const words = line.match(/.{1,4}/gu) ?? [];
    const strings = words.map((word, w) => `<String ID="s${i}_${w}" HPOS="${40 + w * 120}" VPOS="${40 + i * 60}" WIDTH="110" HEIGHT="50" WC="0.91" CONTENT="${word}"/>`).join('');
    return `<TextLine ID="l${i}" HPOS="40" VPOS="${40 + i * 60}" WIDTH="${words.length * 120}" HEIGHT="50">${strings}</TextLine>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#" xmlns:xlink="http://www.w3.org/1999/xlink">' +
    `<Description><MeasurementUnit>pixel</MeasurementUnit><sourceImageInformation><fileName>${image}</fileName></sourceImageInformation></Description>` +
    `<Layout><Page ID="p1" WIDTH="2000" HEIGHT="${80 + lines.length * 60}" PHYSICAL_IMG_NR="1"><PrintSpace HPOS="0" VPOS="0" WIDTH="2000" HEIGHT="${80 + lines.length * 60}">` +
    `<TextBlock ID="b1" HPOS="40" VPOS="40" WIDTH="1900" HEIGHT="${lines.length * 60}">${rows.join('')}</TextBlock></PrintSpace></Page></Layout></alto>\n`
  );
}

/// Writes `pages` pages with their sidecars under `root` (100 pages a folder). With `layoutEvery` n > 0, every n-th
/// page is an ALTO 3.0 file instead of a text file.
export async function generateExportCorpus(root: string, options: { pages: number; layoutEvery: number }): Promise<void> {
  for (let i = 0; i < options.pages; i++) {
    const folder = path.join(root, `issue-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) await mkdir(folder, { recursive: true });
    const isLayout = options.layoutEvery > 0 && i % options.layoutEvery === 0;
    const base = `page-${String(i).padStart(5, '0')}`;
    const name = `${base}.${isLayout ? 'xml' : 'txt'}`;
    const lines = pageLines();
    const bytes = Buffer.from(isLayout ? alto(lines, `${base}.png`) : lines.join('\n') + '\n', 'utf8');
    const source = pageSourceFromBytes(bytes, name);
    if (!source.ok) throw new Error(`${name}: ${source.error.message}`);
    const text = corrected(source.value.originalText);
    const prepared = prepareSaveFromBytes({
      rel: name,
      fileName: name,
      pageBytes: bytes,
      sidecarBytes: null,
      req: { path: name, text, status: i % 3 === 0 ? 'reviewed' : 'in-progress', entities: entities(text), sourceSha256: source.value.sha256, expectedSidecarHash: null },
      appVersion: 'bench',
      timestamp: new Date(0).toISOString(),
    });
    if (!prepared.ok) throw new Error(`${name}: ${prepared.error.message}`);
    await writeFile(path.join(folder, name), bytes);
    await writeFile(path.join(folder, `${name}.jiaodui.json`), prepared.value.serialized);
  }
}
