// Random well-formed hOCR, ALTO and PAGE XML documents: blocks of lines of words with random (escaped) text.
import fc from 'fast-check';
import { escapeXml, fileText } from './fuzz-support';

/// A page as blocks of lines of words (texts as written in the file, already escaped), plus a few switches.
export interface PageShape {
  blocks: { words: string[] }[][];
  confidences: boolean;
  image: string;
}

/// Random page shapes; `extraEntities` adds entity references the format accepts (hOCR: HTML's `&nbsp;`).
export const pageShape = (extraEntities: readonly string[] = []): fc.Arbitrary<PageShape> =>
  fc.record({
    blocks: fc.array(fc.array(fc.record({ words: fc.array(fileText(extraEntities), { maxLength: 6 }) }), { maxLength: 4 }), { maxLength: 4 }),
    confidences: fc.boolean(),
    image: fc.constantFrom('scan.png', 'scans/页 1.tif', '𠮷&amp;.jpg'),
  });

const box = (i: number) => `${10 + i} ${20 + i} ${60 + i} ${50 + i}`;

/// hOCR as Tesseract writes it: ocr_page > ocr_carea > ocr_par > ocr_line > ocrx_word, bbox and x_wconf in titles.
export function hocrDocument(shape: PageShape): string {
  let n = 0;
  const blocks = shape.blocks.map((lines) => {
    const lineXml = lines.map((line) => {
      const words = line.words.map((word) => {
        n++;
        const conf = shape.confidences ? `; x_wconf ${n % 100}` : '';
        return `<span class='ocrx_word' id='w${n}' title='bbox ${box(n)}${conf}'>${word}</span>`;
      });
      return `<span class='ocr_line' id='l${n}' title="bbox ${box(n)}; baseline 0 -3">${words.join(' ')}</span>`;
    });
    return `<div class='ocr_carea' title="bbox ${box(n)}"><p class='ocr_par' lang='chi_sim'>${lineXml.join('\n')}</p></div>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><title></title><meta http-equiv="Content-Type" content="text/html;charset=utf-8"/></head>',
    `<body><div class='ocr_page' id='page_1' title='image "${shape.image.replace(/"/g, '')}"; bbox 0 0 800 600; ppageno 0'>`,
    blocks.join('\n'),
    '</div></body></html>',
  ].join('\n');
}

/// ALTO v3: TextBlock > TextLine > String CONTENT with SP between, WC when confidences are on.
export function altoDocument(shape: PageShape): string {
  let n = 0;
  const blocks = shape.blocks.map((lines) => {
    const lineXml = lines.map((line) => {
      const strings = line.words.map((word) => {
        n++;
        const wc = shape.confidences ? ` WC="0.${n % 10}"` : '';
        return `<String ID="s${n}" HPOS="${n}" VPOS="10" WIDTH="30" HEIGHT="20"${wc} CONTENT="${word.replace(/"/g, '&quot;')}"/>`;
      });
      return `<TextLine ID="l${n}" HPOS="0" VPOS="${n}" WIDTH="300" HEIGHT="20">${strings.join('<SP WIDTH="5"/>')}</TextLine>`;
    });
    return `<TextBlock ID="b${n}" HPOS="0" VPOS="0" WIDTH="300" HEIGHT="100">${lineXml.join('\n')}</TextBlock>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">',
    `<Description><MeasurementUnit>pixel</MeasurementUnit><sourceImageInformation><fileName>${escapeImage(shape.image)}</fileName></sourceImageInformation></Description>`,
    '<Layout><Page ID="p0" WIDTH="800" HEIGHT="600" PHYSICAL_IMG_NR="0"><PrintSpace HPOS="0" VPOS="0" WIDTH="800" HEIGHT="600">',
    blocks.join('\n'),
    '</PrintSpace></Page></Layout></alto>',
  ].join('\n');
}

/// PAGE 2019: TextRegion > TextLine > Word, each with Coords and a TextEquiv; the line's TextEquiv is its words
/// joined with spaces.
export function pageXmlDocument(shape: PageShape): string {
  let n = 0;
  const coords = (i: number) => `<Coords points="${i},${i} ${i + 40},${i} ${i + 40},${i + 20} ${i},${i + 20}"/>`;
  const equiv = (text: string, i: number) => `<TextEquiv${shape.confidences ? ` conf="0.${i % 10}"` : ''}><Unicode>${text}</Unicode></TextEquiv>`;
  const regions = shape.blocks.map((lines, r) => {
    const lineXml = lines.map((line) => {
      const words = line.words.map((word) => {
        n++;
        return `<Word id="w${n}">${coords(n)}${equiv(word, n)}</Word>`;
      });
      n++;
      return `<TextLine id="l${n}">${coords(n)}${words.join('')}${equiv(line.words.join(' '), n)}</TextLine>`;
    });
    return `<TextRegion id="r${r}">${coords(r)}${lineXml.join('\n')}</TextRegion>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">',
    '<Metadata><Creator>fuzz</Creator><Created>2026-12-07T00:00:00</Created><LastChange>2026-12-07T00:00:00</LastChange></Metadata>',
    `<Page imageFilename="${escapeImage(shape.image)}" imageWidth="800" imageHeight="600">`,
    regions.join('\n'),
    '</Page></PcGts>',
  ].join('\n');
}

// The image names are written escaped already where they hold "&amp;"; others get escaped here.
function escapeImage(image: string): string {
  return image.includes('&amp;') ? image : escapeXml(image);
}
