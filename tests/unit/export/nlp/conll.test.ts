import { describe, expect, it } from 'vitest';
import { conllBioExporter, conllBioesExporter, conllPage } from '../../../../shared/export/nlp/conll';
import type { CollectionExporter, ExportContext, ExportPage } from '../../../../shared/export/types';
import { context, cpIndexOf, layoutPageWithoutSidecar, textPage } from './pages';

function run(exporter: CollectionExporter, pages: ExportPage[], ctx: ExportContext): string {
  let out = exporter.start(ctx);
  pages.forEach((page, i) => {
    const result = exporter.page(page, i, ctx);
    if (!result.ok) throw new Error(result.problem.message);
    out += result.chunk;
  });
  return out + exporter.end(ctx);
}

// Token lines of a page chunk, grouped by sentence.
function sentencesOf(chunk: string): string[][] {
  const body = chunk.split('\n').filter((line) => !line.startsWith('# ') && !line.startsWith('-DOCSTART-'));
  const groups: string[][] = [];
  let current: string[] = [];
  for (const line of body) {
    if (line === '') {
      if (current.length > 0) groups.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

// A test-only reader: entities as [text, type] from BIO or BIOES lines (what a tagger trained on it would learn).
function entitiesOf(chunk: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  let open: { text: string; type: string } | null = null;
  const flush = (): void => {
    if (open) found.push([open.text, open.type]);
    open = null;
  };
  for (const line of chunk.split('\n')) {
    if (line === '' || line.startsWith('# ') || line.startsWith('-DOCSTART-')) {
      flush();
      continue;
    }
    const [char, tag] = line.split('\t') as [string, string];
    const [mark, type] = tag === 'O' ? ['O', ''] : [tag.slice(0, 1), tag.slice(2)];
    if (mark === 'O') flush();
    else if (mark === 'B' || mark === 'S') {
      flush();
      open = { text: char, type };
      if (mark === 'S') flush();
    } else {
      expect(open?.type, `continuation ${line} without its start`).toBe(type);
      open!.text += char;
      if (mark === 'E') flush();
    }
  }
  flush();
  return found;
}

describe('CoNLL export', () => {
  it('states the format, scheme, nested-span policy, app and date in the header comment', () => {
    const header = conllBioesExporter.start(context({ nestedSpans: 'innermost' }));
    const lines = header.split('\n');
    expect(lines.filter((l) => l !== '').every((l) => l.startsWith('# '))).toBe(true);
    expect(header).toContain('# scheme = BIOES');
    expect(header).toMatch(/# nested spans = innermost \(/u);
    expect(header).toContain('# app = Jiaodui 9.9.9');
    expect(header).toContain('# date = 2026-12-07T12:00:00.000Z');
    expect(conllBioExporter.start(context())).toMatch(/# scheme = BIO\n# nested spans = outermost/u);
    expect(conllBioExporter.fileName(context())).toBe('corpus.bio.conll');
    expect(conllBioesExporter.fileName(context())).toBe('corpus.bioes.conll');
  });

  it('tags 𠮷 (Extension B) as one character, inside and around entities', () => {
    const text = '𠮷田先生见𠮷张三𠮷。';
    const page = textPage('p.txt', text, [
      [0, 2, 'PER'],
      [cpIndexOf(text, '张三'), cpIndexOf(text, '张三') + 2, 'PER'],
    ]);
    const bio = conllPage(page, 'bio', context());
    expect(sentencesOf(bio)).toEqual([
      ['𠮷\tB-PER', '田\tI-PER', '先\tO', '生\tO', '见\tO', '𠮷\tO', '张\tB-PER', '三\tI-PER', '𠮷\tO', '。\tO'],
    ]);
    const bioes = conllPage(page, 'bioes', context());
    expect(sentencesOf(bioes)[0]!.slice(0, 2)).toEqual(['𠮷\tB-PER', '田\tE-PER']);
    expect(entitiesOf(bioes)).toEqual([
      ['𠮷田', 'PER'],
      ['张三', 'PER'],
    ]);
  });

  it('uses S- for a one-character entity in BIOES and B- in BIO, I- and E- for longer ones', () => {
    const page = textPage('p.txt', '𠮷去上海市', [
      [0, 1, 'PER'],
      [2, 5, 'LOC'],
    ]);
    expect(sentencesOf(conllPage(page, 'bioes', context()))[0]).toEqual(['𠮷\tS-PER', '去\tO', '上\tB-LOC', '海\tI-LOC', '市\tE-LOC']);
    expect(sentencesOf(conllPage(page, 'bio', context()))[0]).toEqual(['𠮷\tB-PER', '去\tO', '上\tB-LOC', '海\tI-LOC', '市\tI-LOC']);
  });

  it('keeps the outermost or the innermost of nested spans, as chosen, and counts what it left out', () => {
    const page = textPage('p.txt', '北京大学校长', [
      [0, 4, 'ORG'],
      [0, 2, 'LOC'],
    ]);
    const outer = conllPage(page, 'bioes', context({ nestedSpans: 'outermost' }));
    expect(entitiesOf(outer)).toEqual([['北京大学', 'ORG']]);
    expect(outer).toContain('# left out = 1 nested or overlapping entity\n');
    const inner = conllPage(page, 'bioes', context({ nestedSpans: 'innermost' }));
    expect(entitiesOf(inner)).toEqual([['北京', 'LOC']]);
    expect(sentencesOf(inner)[0]).toEqual(['北\tB-LOC', '京\tE-LOC', '大\tO', '学\tO', '校\tO', '长\tO']);
  });

  it('drops an overlapping span whole instead of cutting it, under both policies', () => {
    // 𠮷田中 (PER, 3 characters) and 田中央区 (LOC, 4) overlap at 田中 without nesting.
    const text = '𠮷田中央区';
    const page = textPage('p.txt', text, [
      [0, 3, 'PER'],
      [1, 5, 'LOC'],
    ]);
    expect(entitiesOf(conllPage(page, 'bio', context({ nestedSpans: 'outermost' })))).toEqual([['田中央区', 'LOC']]);
    expect(entitiesOf(conllPage(page, 'bio', context({ nestedSpans: 'innermost' })))).toEqual([['𠮷田中', 'PER']]);
    // Same length: the earlier span wins.
    const even = textPage('p.txt', text, [
      [0, 3, 'PER'],
      [2, 5, 'LOC'],
    ]);
    expect(entitiesOf(conllPage(even, 'bio', context({ nestedSpans: 'outermost' })))).toEqual([['𠮷田中', 'PER']]);
    expect(entitiesOf(conllPage(even, 'bio', context({ nestedSpans: 'innermost' })))).toEqual([['𠮷田中', 'PER']]);
  });

  it('splits sentences after 。！？；and ! ? ;, keeps closing quotes with their sentence, and splits at line ends', () => {
    const text = '他说：“好。”然后走了！真的？是；\nHello world! Fine? Yes; ok\n\n第三段';
    const groups = sentencesOf(conllPage(textPage('p.txt', text), 'bio', context()));
    const joined = groups.map((g) => g.map((line) => line.split('\t')[0]).join(''));
    expect(joined).toEqual(['他说：“好。”', '然后走了！', '真的？', '是；', 'Helloworld!', 'Fine?', 'Yes;', 'ok', '第三段']);
  });

  it('does not split a sentence inside an entity that wraps across a line, and never writes whitespace as a token', () => {
    const text = '记者张\n三报道\u3000今日 晴';
    const page = textPage('p.txt', text, [[2, 5, 'PER']]);
    const groups = sentencesOf(conllPage(page, 'bio', context()));
    expect(groups).toEqual([['记\tO', '者\tO', '张\tB-PER', '三\tI-PER', '报\tO', '道\tO', '今\tO', '日\tO', '晴\tO']]);
    expect(entitiesOf(conllPage(page, 'bio', context()))).toEqual([['张三', 'PER']]);
  });

  it('writes -DOCSTART- and the page path before every page, with blank lines between pages and sentences', () => {
    const pages = [textPage('a/p1.txt', '张三。李四。', [[0, 2, 'PER']]), textPage('a/p2.txt', '王五', [[0, 2, 'PER']]), textPage('a/empty.txt', ' \n')];
    const out = run(conllBioExporter, pages, context());
    const lines = out.split('\n');
    const docstarts = lines.flatMap((line, i) => (line === '-DOCSTART- -X- O O' ? [i] : []));
    expect(docstarts).toHaveLength(3);
    for (const [n, at] of docstarts.entries()) {
      expect(lines[at - 1], 'a blank line before each -DOCSTART-').toBe('');
      expect(lines[at + 1]).toBe(`# page = ${pages[n]!.path}`);
    }
    expect(out).toContain('-DOCSTART- -X- O O\n# page = a/p1.txt\n\n张\tB-PER\n三\tI-PER\n。\tO\n\n李\tO\n四\tO\n。\tO\n\n-DOCSTART-');
    expect(out.endsWith('-DOCSTART- -X- O O\n# page = a/empty.txt\n\n')).toBe(true);
    // Every non-comment, non-blank line is character<TAB>tag with no space anywhere.
    for (const line of lines) {
      if (line === '' || line.startsWith('# ') || line.startsWith('-DOCSTART-')) continue;
      expect(line).toMatch(/^[^\s]\t(O|[BIES]-\S+)$/u);
    }
  });

  it('writes "#" as an ordinary token line that cannot be mistaken for a "# " comment, and a type with spaces joined by _', () => {
    const page = textPage('p.txt', '#1 新 闻', [[3, 6, 'NEWS ITEM']]);
    const chunk = conllPage(page, 'bio', context());
    expect(sentencesOf(chunk)[0]).toEqual(['#\tO', '1\tO', '新\tB-NEWS_ITEM', '闻\tI-NEWS_ITEM']);
  });

  it('exports a layout page without a usable sidecar with the entity tags its layout file carries', () => {
    const page = layoutPageWithoutSidecar('scans/p9.xml', '𠮷田在上海。', [
      [0, 2, 'PER'],
      [3, 5, 'LOC'],
    ]);
    expect(entitiesOf(conllPage(page, 'bioes', context()))).toEqual([
      ['𠮷田', 'PER'],
      ['上海', 'LOC'],
    ]);
  });
});
