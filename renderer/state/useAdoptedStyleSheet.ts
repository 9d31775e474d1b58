import { useLayoutEffect, useState } from 'react';

/// Applies a style sheet made at run time (e.g. entity colours from the tag set) to the whole document.
///
/// A constructed `CSSStyleSheet` adopted by the document rather than a `<style>` element: the page's CSP
/// (`style-src 'self'`, no 'unsafe-inline') refuses inline `<style>` elements, but not sheets built through the
/// CSSOM. The sheet is adopted while the component is mounted and its text replaced whenever `css` changes.
export function useAdoptedStyleSheet(css: string): void {
  const [sheet] = useState(() => new CSSStyleSheet());
  // Layout effects, so the colours change in the same frame as the marks they apply to.
  useLayoutEffect(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    };
  }, [sheet]);
  useLayoutEffect(() => {
    sheet.replaceSync(css);
  }, [sheet, css]);
}
