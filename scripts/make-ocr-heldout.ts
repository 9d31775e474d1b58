/// Makes held-out scanned pages for the OCR bench from real news sentences (`npx tsx scripts/make-ocr-heldout.ts
/// <sentences.bio> <out dir> [--pages 40] [--seed 15]`).
///
/// Reads a two-column "char TAG" file (the MSRA NER DEV split, blank line between sentences; never the test split),
/// joins its sentences, in order, into articles (a short sentence as headline, then paragraphs of one to three
/// sentences, 15–40 sentences an article), typesets each as a newspaper page (headline across two justified
/// columns, Noto CJK through Pango), degrades it (grey paper, slight rotation, blur, noise, JPEG) and runs
/// Tesseract 5 `chi_sim` on it for .txt, .hocr and ALTO .xml. Pages alternate between `dev/` and `test/`; the ground
/// truth (headline on the first line, then one paragraph per line, as tests/fixtures/samples) lies beside each
/// page as `NAME.gt.txt`. The material stays outside the repository; only this script is committed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const [source, outDir] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!source || !outDir) {
  console.error('usage: tsx scripts/make-ocr-heldout.ts <sentences.bio> <out dir> [--pages 40] [--seed 15]');
  process.exit(2);
}
if (/test/iu.test(path.basename(source))) {
  console.error('refusing a file named like a test split: the pages are made from DEV sentences only');
  process.exit(2);
}
const PAGES = option('pages', 40);

// A small seeded generator (mulberry32), so the same seed makes the same pages.
let seed = option('seed', 15) >>> 0;
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (lo: number, hi: number): number => lo + random() * (hi - lo);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

/// The sentences of a BIO file, characters joined.
function readSentences(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\n\s*\n/u)
    .map((block) => block.split('\n').filter((l) => l.trim() !== '').map((l) => l.split(/\s+/u)[0]).join(''))
    .filter((s) => s !== '');
}

interface Article {
  headline: string;
  paragraphs: string[];
}

/// Articles from the sentences in order; short sentences without a comma become headlines.
function makeArticles(sentences: string[], count: number): Article[] {
  const isHeadline = (s: string): boolean => Array.from(s).length >= 5 && Array.from(s).length <= 16 && !/[，；：]/u.test(s);
  const headlines = sentences.filter(isHeadline);
  const body = sentences.filter((s) => !isHeadline(s) && Array.from(s).length <= 240);
  const articles: Article[] = [];
  let at = 0;
  for (let n = 0; n < count && at < body.length; n++) {
    const wanted = 15 + Math.floor(random() * 26);
    const budget = between(1000, 1500);
    const paragraphs: string[] = [];
    let used = 0;
    let chars = 0;
    while (used < wanted && at < body.length && chars < budget) {
      const take = 1 + Math.floor(random() * 3);
      const paragraph = body.slice(at, at + take).join('');
      at += take;
      used += take;
      chars += Array.from(paragraph).length;
      paragraphs.push(paragraph);
    }
    articles.push({ headline: headlines[n % headlines.length]!.replace(/[。！？]$/u, ''), paragraphs });
  }
  return articles;
}

/// Two ideographic spaces (U+3000) open each paragraph, as newspapers indent them; not in the ground truth.
const INDENT = '\u3000\u3000';
const escapeMarkup = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/// Ink (0..255, 255 = black) of a Pango rendering, one byte a pixel.
async function render(markup: string, width: number, justify: boolean): Promise<{ ink: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp({ text: { text: markup, width, dpi: 72, justify, rgba: false, wrap: 'char' } })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { ink: new Uint8Array(data), width: info.width, height: info.height };
}

/// The rows [top, bottom) of each text line of a rendering: runs of rows with ink.
function lineStrips(image: { ink: Uint8Array; width: number; height: number }): [number, number][] {
  const strips: [number, number][] = [];
  let start = -1;
  for (let y = 0; y <= image.height; y++) {
    let inked = false;
    if (y < image.height) for (let x = 0; x < image.width && !inked; x++) inked = image.ink[y * image.width + x]! > 40;
    if (inked && start < 0) start = y;
    if (!inked && start >= 0) {
      strips.push([start, y]);
      start = -1;
    }
  }
  return strips;
}

interface PageStyle {
  body: string;
  size: number;
  pitch: number;
  angle: number;
  blur: number;
  noise: number;
  paper: number;
  quality: number;
}

/// Typesets one article; returns the page's ink and the paragraphs that fit (the ground truth).
async function typeset(article: Article, style: PageStyle): Promise<{ ink: Uint8Array; width: number; height: number; truth: string }> {
  const width = 1874;
  const height = 2552;
  const margin = 150;
  const gutter = 60;
  const columnWidth = Math.floor((width - 2 * margin - gutter) / 2);
  const ink = new Uint8Array(width * height);
  const blit = (image: { ink: Uint8Array; width: number }, rows: [number, number], x: number, y: number): void => {
    for (let r = rows[0]; r < rows[1]; r++) {
      if (y + r - rows[0] >= height) return;
      for (let c = 0; c < image.width && x + c < width; c++) {
        const v = image.ink[r * image.width + c]!;
        if (v > 0) ink[(y + r - rows[0]) * width + x + c] = Math.max(ink[(y + r - rows[0]) * width + x + c]!, v);
      }
    }
  };
  const head = await render(`<span font_family="Noto Sans CJK SC" weight="bold" size="${Math.round(style.size * 1.6 * 1024)}">${escapeMarkup(article.headline)}</span>`, width - 2 * margin, false);
  const headRows = lineStrips(head);
  const headInk = [headRows[0]![0], headRows[headRows.length - 1]![1]] as [number, number];
  let used = 0;
  for (let x = head.width - 1; x >= 0 && used === 0; x--) for (let y = 0; y < head.height; y++) if (head.ink[y * head.width + x]! > 40) used = x + 1;
  blit(head, headInk, Math.floor((width - used) / 2), 140);
  const top = 140 + (headInk[1] - headInk[0]) + 90;
  const bottom = height - 160;
  let column = 0;
  let y = top;
  const fitted: string[] = [];
  for (const paragraph of article.paragraphs) {
    const image = await render(`<span font_family="${style.body}" size="${style.size * 1024}">${INDENT}${escapeMarkup(paragraph)}</span>`, columnWidth, true);
    const strips = lineStrips(image);
    // A paragraph that would run past the second column is left out whole, so the ground truth is exactly the page.
    const linesLeft = Math.floor((bottom - y) / style.pitch) + (column === 0 ? Math.floor((bottom - top) / style.pitch) : 0);
    if (strips.length > linesLeft) break;
    // Each strip keeps its place within Pango's line box, so marks like 。 sit low as they should.
    const lineBox = image.height / strips.length;
    for (const [k, strip] of strips.entries()) {
      if (y + style.pitch > bottom) {
        column++;
        y = top;
      }
      blit(image, strip, margin + column * (columnWidth + gutter), y + strip[0] - Math.round(k * lineBox));
      y += style.pitch;
    }
    y += Math.round(style.pitch * 0.35);
    fitted.push(paragraph);
  }
  return { ink, width, height, truth: [article.headline, ...fitted].join('\n') + '\n' };
}

/// Grey paper, faint noise and specks, slight rotation and blur, saved as a JPEG.
async function degrade(page: { ink: Uint8Array; width: number; height: number }, style: PageStyle, file: string): Promise<void> {
  const grey = Buffer.alloc(page.width * page.height);
  for (let i = 0; i < grey.length; i++) {
    const paper = style.paper + (random() - 0.5) * style.noise;
    const tone = 30 + random() * 25;
    const v = paper - (page.ink[i]! / 255) * (paper - tone);
    grey[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  for (let n = 0; n < 250 * style.noise; n++) {
    const at = Math.floor(random() * grey.length);
    grey[at] = 60;
    if (at + 1 < grey.length) grey[at + 1] = 80;
  }
  await sharp(grey, { raw: { width: page.width, height: page.height, channels: 1 } })
    .rotate(style.angle, { background: { r: style.paper, g: style.paper, b: style.paper } })
    .blur(style.blur)
    .jpeg({ quality: style.quality })
    .toFile(file);
}

const sentences = readSentences(source);
const articles = makeArticles(sentences, PAGES);
for (const sub of ['dev', 'test']) mkdirSync(path.join(outDir, sub), { recursive: true });
for (const [i, article] of articles.entries()) {
  const style: PageStyle = {
    body: pick(['Noto Serif CJK SC', 'Noto Serif CJK SC', 'Noto Sans CJK SC']),
    size: Math.round(between(30, 36)),
    pitch: 0,
    angle: between(-0.8, 0.8),
    blur: between(0.4, 1.1),
    noise: between(6, 22),
    paper: Math.round(between(225, 242)),
    quality: Math.round(between(55, 85)),
  };
  style.pitch = Math.round(style.size * between(1.55, 1.75));
  const name = `page-${String(i + 1).padStart(2, '0')}`;
  const dir = path.join(outDir, i % 2 === 0 ? 'dev' : 'test');
  const page = await typeset(article, style);
  writeFileSync(path.join(dir, `${name}.gt.txt`), page.truth);
  await degrade(page, style, path.join(dir, `${name}.jpg`));
  execFileSync('tesseract', [path.join(dir, `${name}.jpg`), path.join(dir, name), '-l', 'chi_sim', 'txt', 'hocr', 'alto'], { stdio: 'ignore' });
  const { body, size, angle, blur, noise, quality } = style;
  console.log(`${path.basename(dir)}/${name}: ${Array.from(page.truth).length} chars; ${body} ${size}px, ${angle.toFixed(2)}°, blur ${blur.toFixed(2)}, noise ${noise.toFixed(0)}, JPEG ${quality}`);
}
