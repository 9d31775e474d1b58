import type { Page } from '@playwright/test';

/// Collects the Content Security Policy violations a page reports into `into`.
///
/// Two sources: Chromium's console message ("Applying inline style violates the following Content Security
/// Policy directive …", which says what but not where), and the page's `securitypolicyviolation` events, logged by
/// an init script with the source position and the element involved. The app fixture watches every page it
/// starts and fails the test on any violation, so a feature that needs an inline style or script is caught by
/// the spec that exercises it.
export async function watchCspViolations(page: Page, into: string[]): Promise<void> {
  page.on('console', (message) => {
    if (/Content Security Policy|^\[csp\]/i.test(message.text())) into.push(message.text());
  });
  // Only the details are lost if the init script cannot be added (the console messages still count).
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const target = event.target instanceof Element ? event.target.outerHTML.slice(0, 200) : String(event.target);
      console.error(`[csp] ${event.effectiveDirective} refused ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} on ${target}`);
    });
  }).catch(() => undefined);
}
