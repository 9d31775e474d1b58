import { describe, expect, it } from 'vitest';
import { columnPlaces } from '../../../shared/ocr-assist/column-geometry';
import { splitLines } from '../../../shared/ocr-assist/lines';
import { xyCutOrder } from '../../../shared/ocr-assist/rules/reading-order';
import { applySafe, suggestCorrections } from '../../../shared/ocr-assist/suggest';
import type { LineBox } from '../../../shared/ocr-assist/types';

// A small typesetter: paragraphs indented two characters, justified in two columns of WIDTH characters, 0.35 line
// of space between paragraphs, the first column broken mid-paragraph; the page turned by `angle` degrees, and each
// line's region the bounding box of its turned rectangle, as the OCR engine reports it. The text is the OCR's: one
// line per printed line, a blank line where a column ends.
const WIDTH = 20;
const ADVANCE = 32;
const PITCH = 52;
const COLUMN_X = [150, 150 + WIDTH * ADVANCE + 60];
const COLUMN_LINES = 11;

interface Typeset {
  lines: string[];
  boxes: (LineBox | null)[];
}

function typeset(paragraphs: readonly string[], angle: number): Typeset {
  const lines: string[] = [];
  const boxes: (LineBox | null)[] = [];
  let column = 0;
  let row = 0;
  let y = 300;
  const turn = (x: number, yy: number): [number, number] => {
    const r = (angle * Math.PI) / 180;
    return [1000 + (x - 1000) * Math.cos(r) - (yy - 1300) * Math.sin(r), 1300 + (x - 1000) * Math.sin(r) + (yy - 1300) * Math.cos(r)];
  };
  for (const paragraph of paragraphs) {
    const chars = Array.from(paragraph);
    let at = 0;
    let first = true;
    while (at < chars.length) {
      const room = first ? WIDTH - 2 : WIDTH;
      const piece = chars.slice(at, at + room);
      if (row === COLUMN_LINES) {
        column++;
        row = 0;
        y = 300;
        lines.push('');
        boxes.push(null);
      }
      const x0 = COLUMN_X[column]! + (first ? 2 * ADVANCE : 0);
      // A closing mark's ink fills the left half of its square, so a line ending in one ends half a character early.
      const ink = piece.length * ADVANCE - (/[，。、；：”]/u.test(piece[piece.length - 1]!) ? ADVANCE / 2 : 0);
      const corners = [turn(x0, y), turn(x0 + ink, y), turn(x0, y + 34), turn(x0 + ink, y + 34)];
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      const region = { x: Math.round(Math.min(...xs)), y: Math.round(Math.min(...ys)) };
      boxes.push({ ...region, width: Math.round(Math.max(...xs)) - region.x, height: Math.round(Math.max(...ys)) - region.y });
      lines.push(piece.join(''));
      at += room;
      first = false;
      row++;
      y += PITCH;
    }
    y += Math.round(0.35 * PITCH);
  }
  return { lines, boxes };
}

/// Sets a line in before line `k`, in the column of the line above it; the column's lines below move down by `step`.
function insertLine(page: Typeset, k: number, text: string, box: LineBox, step: number): void {
  const column = page.boxes[k - 1]!.x;
  for (let i = k; i < page.boxes.length; i++) {
    const b = page.boxes[i];
    if (b && Math.abs(b.x - column) < 4 * ADVANCE) page.boxes[i] = { ...b, y: b.y + step };
  }
  page.lines.splice(k, 0, text);
  page.boxes.splice(k, 0, box);
}

const paragraphsOf = (text: string): string[] => text.split(/\n+/u).filter((line) => line !== '');
const reflowed = (page: Typeset): string[] => {
  const text = page.lines.join('\n');
  return paragraphsOf(applySafe(text, suggestCorrections(text, { rules: ['reflow'], lineBoxes: page.boxes })).text);
};

// 18 + 20 + 20 characters: the paragraph's last line runs to the edge; only the next line's indent shows the break.
const FULL_LAST = '该县今年在全县推广节水灌溉技术，已有三万亩农田用上了喷灌和滴灌设备，农民每亩地平均可节水一百多立方米，经济效益明显。';
// A sentence ends at the column edge in the middle of its paragraph (after 18 + 20 characters).
const EDGE_SENTENCE = '记者从市交通局获悉，本市今年将在城乡之间新建和改建各级公路共计一百二十公里。其中国道四十公里，省道八十公里，总投资约十二亿元，年底前全部完工。';
const PARAGRAPHS = [
  '据新华社北京电𠮷国家统计局今天发布的数据显示，前五个月全国规模以上工业增加值同比增长。',
  FULL_LAST,
  EDGE_SENTENCE,
  // The first sentence fills the indented first line: the text alone would end the paragraph there.
  '第二，在改制后的大中型企业设置党组。美国密执安州立大学的科学家在最新一期杂志上发表论文指出，他们发现了这种基因。',
  '春节期间，全市各大商场客流如织，节日商品供应充足，价格基本稳定。',
  '专家指出，发展现代农业必须依靠科技进步，提高农民素质，加快农业结构调整步伐，增加农民收入，这是当前农村工作的重中之重任务。',
  '会议要求各地认真贯彻落实。',
];

describe('paragraph breaks from where lines stand in their columns', () => {
  it('finds every paragraph on a page turned by up to 0.8°, across the column break and where a last line is full', () => {
    expect(Array.from(FULL_LAST).length).toBe(58);
    expect(EDGE_SENTENCE.indexOf('。')).toBe(37);
    for (const angle of [-0.8, -0.3, 0, 0.5, 0.8]) {
      const page = typeset(PARAGRAPHS, angle);
      // The first column ends inside a paragraph (11 lines a column).
      const columnEnd = page.lines[page.lines.indexOf('') - 1]!;
      expect(PARAGRAPHS.some((p) => p.endsWith(columnEnd))).toBe(false);
      expect(reflowed(page), `angle ${angle}`).toEqual(PARAGRAPHS);
    }
  });

  it('measures indent and shortfall in characters against edges that drift with the turn', () => {
    const page = typeset(PARAGRAPHS, 0.8);
    const content = splitLines(page.lines.join('\n')).filter((line) => line.length > 0);
    const places = columnPlaces(content, page.boxes);
    content.forEach((line, k) => {
      const place = places[k]!;
      expect(place.type).toBe('alike');
      // A turned box is wider by its height × sin(angle), under half a character.
      const opensParagraph = PARAGRAPHS.some((p) => p.startsWith(line.trimmed));
      expect(Math.abs(place.indent! - (opensParagraph ? 2 : 0)), line.trimmed).toBeLessThan(0.5);
      const endsParagraph = PARAGRAPHS.some((p) => p.endsWith(line.trimmed));
      // Full lines run to the edge, give or take the white half of a closing mark.
      if (!endsParagraph) expect(place.shortBy!, line.trimmed).toBeLessThan(0.75);
    });
  });

  it('is not misled by a speck read with a line, nor by a leading space the speck made the OCR write', () => {
    const page = typeset(PARAGRAPHS, 0.4);
    // The second line of the first paragraph: a speck one and a half characters left of it widens its region.
    const k = 2;
    const original = page.boxes[k]!;
    page.boxes[k] = { ...original, x: original.x - 48, width: original.width + 48 };
    page.lines[k] = ` ${page.lines[k]}`;
    // And a stray region far left of the column under a paragraph's last line, as a misread speck gives.
    const last = page.lines.findIndex((line) => line.endsWith('稳定。'));
    page.boxes[last] = { ...page.boxes[last]!, x: page.boxes[last]!.x - 70, width: page.boxes[last]!.width + 70 };
    expect(reflowed(page)).toEqual(PARAGRAPHS);
  });

  it('joins the halves of a printed line the OCR read as two lines side by side', () => {
    const page = typeset(PARAGRAPHS, 0);
    const k = page.lines.findIndex((line) => line.startsWith('春节期间'));
    const line = Array.from(page.lines[k]!);
    const box = page.boxes[k]!;
    // Split after seven characters, a character's gap between the halves (the OCR lost one there).
    page.lines.splice(k, 1, line.slice(0, 7).join(''), line.slice(8).join(''));
    page.boxes.splice(k, 1, { ...box, width: 7 * ADVANCE }, { ...box, x: box.x + 8 * ADVANCE, width: box.width - 8 * ADVANCE });
    const expected = PARAGRAPHS.map((p) => (p.startsWith('春节期间') ? p.slice(0, 7) + p.slice(8) : p));
    expect(reflowed(page)).toEqual(expected);
  });

  it('keeps the breaks around a line in larger type between paragraphs', () => {
    const page = typeset(PARAGRAPHS, 0);
    const k = page.lines.findIndex((line) => line.startsWith('记者从市'));
    const above = page.boxes[k - 1]!;
    // A subheading in type 1.5 times as large, set flush left (no indent to see), right under the paragraph before.
    insertLine(page, k, '交通建设提速', { x: COLUMN_X[0]!, y: above.y + PITCH, width: 6 * 48, height: 52 }, PITCH + 18);
    expect(reflowed(page)).toEqual([...PARAGRAPHS.slice(0, 2), '交通建设提速', ...PARAGRAPHS.slice(2)]);
  });

  it('keeps a section title in the type of the text, set flush after a paragraph that ended at the edge', () => {
    const page = typeset(PARAGRAPHS, 0);
    // FULL_LAST ends at the column edge; the title follows flush left, in the same type, with no paragraph space.
    const k = page.lines.findIndex((line) => line.startsWith('记者从市'));
    const above = page.boxes[k - 1]!;
    insertLine(page, k, '交通建设提速', { x: above.x, y: above.y + PITCH, width: 6 * ADVANCE, height: 34 }, PITCH);
    expect(reflowed(page)).toEqual([...PARAGRAPHS.slice(0, 2), '交通建设提速', ...PARAGRAPHS.slice(2)]);
  });
});

describe('lines of vertical text', () => {
  it('are not measured: the text alone decides, as without a scan', () => {
    // Columns of vertical text read one per line, right to left: tall narrow regions side by side.
    const lines = ['　　本报讯今天上午市政府召开新闻', '发布会，通报今年以来全市经济运', '行情况。', '　　会议指出要继续扩大内需。'];
    const boxes = lines.map((line, k) => ({ x: 1500 - k * 52, y: line.startsWith('　') ? 364 : 300, width: 34, height: Array.from(line.trim()).length * 32 }));
    const text = lines.join('\n');
    const content = splitLines(text).filter((line) => line.length > 0);
    expect(columnPlaces(content, boxes)).toEqual(content.map(() => null));
    const alone = applySafe(text, suggestCorrections(text, { rules: ['reflow'] })).text;
    expect(applySafe(text, suggestCorrections(text, { rules: ['reflow'], lineBoxes: boxes })).text).toBe(alone);
  });
});

describe('a headline the OCR read as pieces above the columns', () => {
  it('is read first, left to right, and its pieces are joined', () => {
    const body = typeset(PARAGRAPHS, 0);
    // The headline in type 1.6 times as large, split where the gutter runs under it.
    const head = [
      { text: '人们戏称这里是', box: { x: 420, y: 140, width: 7 * 52, height: 56 } },
      { text: '“都市里的乡村”', box: { x: 420 + 7 * 52 + 20, y: 142, width: 7 * 52, height: 56 } },
    ];
    const blocks = [
      { name: 'head-left', box: head[0]!.box, lineHeight: 56 },
      { name: 'left', box: { x: COLUMN_X[0]!, y: 300, width: WIDTH * ADVANCE, height: 460 }, lineHeight: 34 },
      { name: 'head-right', box: head[1]!.box, lineHeight: 56 },
      { name: 'right', box: { x: COLUMN_X[1]!, y: 300, width: WIDTH * ADVANCE, height: 300 }, lineHeight: 34 },
    ];
    expect(xyCutOrder(blocks).map((b) => b.name)).toEqual(['head-left', 'head-right', 'left', 'right']);
    // Pieces of the same size as the text are not a headline: columns first.
    const small = blocks.map((b) => ({ ...b, lineHeight: 34 }));
    expect(xyCutOrder(small).map((b) => b.name)).toEqual(['head-left', 'left', 'head-right', 'right']);
    // Once in order, the pieces are joined into one headline line.
    const lines = [head[0]!.text, '', head[1]!.text, '', ...body.lines];
    const boxes = [head[0]!.box, null, head[1]!.box, null, ...body.boxes];
    const text = lines.join('\n');
    const fixed = paragraphsOf(applySafe(text, suggestCorrections(text, { rules: ['reflow'], lineBoxes: boxes })).text);
    expect(fixed).toEqual(['人们戏称这里是“都市里的乡村”', ...PARAGRAPHS]);
  });
});
