import type { Page } from '@playwright/test';
import { DEFAULT_TAGSET } from '../../shared/entities/tagset';
import { corpus } from './corpus-profile';
import { expect, test } from './fixtures';
import { pageList, selectInEditor } from './helpers';

// The page's Content-Security-Policy allows no inline scripts and no <style> elements. Every spec fails on a CSP violation (the
// app fixture watches for them); this one checks the policy itself, that the styles made at run time still apply,
// and that the watch does catch a violation.

/// The directives of a policy, by name.
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

async function metaPolicy(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
}

test('the policy allows only our own scripts and style sheets: no inline script, no <style> element', async ({ app }) => {
  const policy = directives(await metaPolicy(app.page));
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('style-src')).toEqual(["'self'"]);
  // Only style attributes are exempt (Chromium's own editing writes them; see renderer/index.html).
  expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
  expect(policy.has('style-src-elem')).toBe(false);
  expect(policy.has('script-src-elem')).toBe(false);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  if (app.page.url().startsWith('http:')) {
    // The harness sends the same policy as a header, plus what a meta tag cannot carry (frame-ancestors).
    const header = await app.page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(header).toBe(`${await metaPolicy(app.page)}; frame-ancestors 'none'`);
  }
});

test('entity colours, made from the tag set at run time, apply without inline styles', async ({ app }) => {
  const page = app.page;
  await pageList(page).getByRole('option', { name: corpus.first.file }).click();
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await expect(editor).toBeVisible();
  await selectInEditor(page, corpus.first.fix.needle, 0, 2);
  await page.keyboard.press('Alt+1');
  const mark = editor.locator('.ent-mark[data-entity-type="PER"]');
  await expect(mark).toHaveCount(1);
  const person = DEFAULT_TAGSET.types.find((type) => type.id === 'PER')!;
  await expect.poll(() => mark.evaluate((element) => getComputedStyle(element).getPropertyValue('--ent-colour').trim())).toBe(person.colour);
  // The colours come from an adopted style sheet, not a <style> element.
  expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
  expect(await page.evaluate(() => document.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('data-entity-type="PER"'))))).toBe(true);
  // The bundled style sheet applies too (editor.css sets pre-wrap on the editor).
  expect(await editor.evaluate((element) => getComputedStyle(element).whiteSpace)).toBe('pre-wrap');
});

test('an inline <style> element and an inline script are refused and reported, so the watch every spec has would fail', async ({ app }) => {
  const page = app.page;
  const before = await page.evaluate(() => getComputedStyle(document.body).outlineStyle);
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { outline: 7px dashed red; }';
    document.head.append(style);
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.injected = "yes";';
    document.head.append(script);
  });
  await expect.poll(() => app.cspViolations.length).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => getComputedStyle(document.body).outlineStyle)).toBe(before);
  expect(await page.evaluate(() => document.body.dataset.injected ?? null)).toBeNull();
  expect(app.cspViolations.some((message) => /style/i.test(message))).toBe(true);
  expect(app.cspViolations.some((message) => /script/i.test(message))).toBe(true);
  // Seen and expected: clear them so the fixture does not fail this test.
  app.cspViolations.length = 0;
});
