import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { labelStudioExporter } from '../../shared/export/annotation/label-studio';
import { parseLabelStudio } from '../../shared/export/importers/label-studio';
import { CONTEXT, EXT_B, TEXT_A, TEXT_B, ordered, pageWith, runCollection, spansA, spansB } from '../unit/export/annotation/fixtures';

// Label Studio's own frontend, as published on the npm registry (the last version that ships its build).
const BUILD = path.resolve('node_modules/@heartexlabs/label-studio/build/static');
const ORIGIN = 'http://label-studio.test';

interface Drawn {
  label: string | null;
  start: number;
  end: number;
  text: string;
  contiguous: boolean;
}

// Serves the build from a made-up origin (its webpack runtime finds its own URL from its script tag, so it cannot be
// injected inline).
async function serveLabelStudio(page: Page): Promise<void> {
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') {
      const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/static/css/main.css"></head><body><div id="ls"></div><script src="/static/js/main.js"></script></body></html>`;
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    }
    const file = path.join(BUILD, url.pathname.replace(/^\/static\//, ''));
    if (!file.startsWith(BUILD) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ contentType: file.endsWith('.js') ? 'application/javascript' : 'text/css', body: fs.readFileSync(file) });
  });
}

async function reload(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'LabelStudio' in window);
}

// Loads one task (with the ids Label Studio's server gives on import) under `config` and waits for its regions.
async function loadTask(page: Page, config: string, task: Record<string, unknown>, regions: number): Promise<void> {
  await page.evaluate(
    ({ config, task }) =>
      new Promise<void>((resolve) => {
        const w = window as unknown as { LabelStudio: new (el: string, options: unknown) => unknown; __ls: unknown };
        new w.LabelStudio('ls', {
          config,
          task,
          interfaces: ['panel', 'side-column', 'annotations:menu'],
          user: { pk: 1, firstName: 'Test', lastName: 'Editor' },
          onLabelStudioLoad: (ls: { annotationStore: { annotations: Array<{ id: string }>; selectAnnotation(id: string): void } }) => {
            w.__ls = ls;
            const first = ls.annotationStore.annotations[0];
            if (first) ls.annotationStore.selectAnnotation(first.id);
            resolve();
          },
        });
      }),
    { config, task },
  );
  await expect.poll(() => page.locator('.lsf-richtext__container .htx-highlight[data-label]').count()).toBe(regions);
}

// What the page shows: each highlight (the spans of one region share a class of their own) as the code points of
// the displayed text it covers, counted by walking the text as the DOM holds it (a <br> is the line end "\n").
function drawnRegions(page: Page): Promise<Drawn[]> {
  return page.evaluate(() => {
    const root = document.querySelector('.lsf-richtext__container')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    const chars: Array<{ ch: string; regions: string[] }> = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeName === 'BR') chars.push({ ch: '\n', regions: [] });
      if (node.nodeType !== Node.TEXT_NODE) continue;
      const regions: string[] = [];
      for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
        const own = [...el.classList].find((c) => c.startsWith('htx-highlight-'));
        if (own) regions.push(own);
      }
      for (const ch of node.textContent ?? '') chars.push({ ch, regions });
    }
    const ids = new Set(chars.flatMap((c) => c.regions));
    return [...ids].map((id) => {
      const at = chars.flatMap((c, i) => (c.regions.includes(id) ? [i] : []));
      const start = at[0]!;
      const end = at[at.length - 1]! + 1;
      const spans = [...root.querySelectorAll(`.${id}`)];
      // Every character from start to end is the region's, except line ends (a <br> is never wrapped).
      const contiguous = chars.slice(start, end).every((c) => c.regions.includes(id) || c.ch === '\n');
      return { label: spans[spans.length - 1]!.getAttribute('data-label'), start, end, text: chars.slice(start, end).map((c) => c.ch).join(''), contiguous };
    });
  });
}

test.describe('Label Studio (1.4.0 frontend) reads the Label Studio export', () => {
  test('every entity is highlighted on exactly its characters, 𠮷 before, inside and after spans', async ({ page }) => {
    const pages = [pageWith('scans/a.txt', TEXT_A, spansA()), pageWith('b.txt', TEXT_B, spansB())];
    const { content, problems } = runCollection(labelStudioExporter, pages);
    expect(problems).toEqual([]);
    const config = labelStudioExporter.extraFiles!(CONTEXT)[0]!.content;
    const tasks = JSON.parse(content) as Array<{ data: { text: string }; annotations: Array<{ result: unknown[] }> }>;
    const expectedSpans = [spansA(), spansB()];
    expect(TEXT_A).toContain(EXT_B);
    await serveLabelStudio(page);
    for (const [i, task] of tasks.entries()) {
      const spans = expectedSpans[i]!;
      await reload(page);
      await loadTask(page, config, { id: i + 1, ...task, annotations: [{ id: i + 1, ...task.annotations[0] }] }, spans.length);
      const drawn = await drawnRegions(page);
      expect(drawn.every((d) => d.contiguous)).toBe(true);
      expect(ordered(drawn.map((d) => ({ type: d.label ?? '', start: d.start, end: d.end, text: d.text })))).toEqual(
        ordered(spans.map((s) => ({ type: s.type, start: s.start, end: s.end, text: s.text }))),
      );
    }
  });

  test('regions drawn in Label Studio after 𠮷, one across a line end, are read back by the importer on the characters selected', async ({ page }) => {
    const text = `${EXT_B}田先生\n昨抵北京${EXT_B}祥饭店`;
    const { content } = runCollection(labelStudioExporter, [pageWith('c.txt', text, [{ id: 'p', start: 0, end: 2, type: 'PER', text: `${EXT_B}田` }])]);
    const config = labelStudioExporter.extraFiles!(CONTEXT)[0]!.content;
    const [task] = JSON.parse(content) as Array<{ data: { text: string; page: string }; annotations: Array<{ result: unknown[] }> }>;
    await serveLabelStudio(page);
    await reload(page);
    await loadTask(page, config, { id: 1, ...task!, annotations: [{ id: 1, ...task!.annotations[0] }] }, 1);
    await drawRegion(page, 'LOC', ['北京', 0], ['北京', 2], 2);
    await drawRegion(page, 'ORG', ['先生', 0], ['昨抵', 2], 3);
    const result = await page.evaluate(() => (window as unknown as { __ls: { annotationStore: { selected: { serializeAnnotation(): unknown[] } } } }).__ls.annotationStore.selected.serializeAnnotation());
    // What Label Studio 1.4 itself wrote: offsets one too large after the 𠮷 on the first line (its editor counts
    // earlier text nodes in UTF-16 units), the line end as the two characters \n. The importer puts them back.
    const raw = (result as Array<{ value: { start: number; end: number; text: string } }>).map((r) => r.value);
    expect(raw.map((v) => [v.start, v.end, v.text])).toEqual([
      [0, 2, `${EXT_B}田`],
      [8, 10, '北京'],
      [3, 8, '先生\\n昨抵'],
    ]);
    const exported = JSON.stringify([{ id: 1, data: task!.data, annotations: [{ id: 1, result, was_cancelled: false }] }]);
    const parse = parseLabelStudio(exported, 'project-1.json');
    expect(parse.problems).toEqual([]);
    expect(ordered(parse.documents[0]!.spans)).toEqual([
      { start: 0, end: 2, type: 'PER', quote: `${EXT_B}田` },
      { start: 2, end: 7, type: 'ORG', quote: '先生\n昨抵' },
      { start: 7, end: 9, type: 'LOC', quote: '北京' },
    ]);
  });
});

// Draws a region as an editor does: picks the label, selects from the text node holding `from[0]` (at `from[1]`
// UTF-16 units past where it starts) to the one holding `to[0]`, and releases the mouse; waits for `regions` regions.
async function drawRegion(page: Page, label: string, from: [string, number], to: [string, number], regions: number): Promise<void> {
  await page.evaluate(() => (window as unknown as { __ls: { annotationStore: { selected: { unselectAll(): void } } } }).__ls.annotationStore.selected.unselectAll());
  await page.getByText(label, { exact: true }).first().click();
  await page.evaluate(
    ({ from, to }) => {
      const root = document.querySelector('.lsf-richtext__container')!;
      const find = ([needle, offset]: [string, number]) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node.textContent ?? '').indexOf(needle);
          if (at >= 0) return { node, offset: at + offset };
        }
        throw new Error(`no text node holds ${needle}`);
      };
      const start = find(from);
      const end = find(to);
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      start.node.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    { from, to },
  );
  await expect.poll(() => page.locator('.lsf-richtext__container .htx-highlight[data-label]').count()).toBe(regions);
}
