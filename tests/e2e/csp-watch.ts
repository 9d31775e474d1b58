import type { Page } from '@playwright/test';

/// Collects the Content Security Policy violations a page reports into `into`, as Chromium's console messages
/// ("Refused to apply inline style because it violates the following Content Security Policy directive …").
///
/// The app fixture watches every page it starts and fails the test on any violation, so a feature that needs an
/// inline style or script is caught by the spec that exercises it.
export function watchCspViolations(page: Page, into: string[]): void {
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) into.push(message.text());
  });
}
