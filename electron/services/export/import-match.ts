import type { PageEntry } from '../../../shared/ipc/contract';
import { baseOf } from '../../../shared/model/page-files';

/// The page an import document names, or why none: by exact page path, else by the path without its extension
/// (`a/p1.ann` → the page of group `a/p1`), else by the file name's base alone when exactly one page has it.
export type PageMatch = { ok: true; page: PageEntry } | { ok: false; code: 'unknown-page' | 'no-page'; message: string };

/// Finds the corpus pages import documents name.
export class PageMatcher {
  private readonly byPath = new Map<string, PageEntry>();
  private readonly byBase = new Map<string, PageEntry>();
  private readonly byName = new Map<string, PageEntry[]>();

  constructor(pages: readonly PageEntry[]) {
    for (const page of pages) {
      this.byPath.set(page.path, page);
      this.byBase.set(page.base, page);
      const name = nameOf(page.base);
      this.byName.set(name, [...(this.byName.get(name) ?? []), page]);
    }
  }

  /// The page `named` names (a path relative to the corpus, with or without extension, or a file name).
  match(named: string): PageMatch {
    const clean = named.replace(/\\/g, '/').replace(/^\.\//, '');
    if (clean === '') return { ok: false, code: 'no-page', message: 'The document does not name its page.' };
    const exact = this.byPath.get(clean) ?? this.byBase.get(clean) ?? this.byBase.get(baseOf(clean));
    if (exact) return { ok: true, page: exact };
    const candidates = this.byName.get(nameOf(baseOf(clean))) ?? [];
    if (candidates.length === 1) return { ok: true, page: candidates[0]! };
    if (candidates.length > 1) {
      const paths = candidates.slice(0, 3).map((p) => p.path).join(', ');
      return { ok: false, code: 'unknown-page', message: `"${named}" could be any of ${candidates.length} pages (${paths}${candidates.length > 3 ? ', …' : ''}); name it by its path in the corpus.` };
    }
    return { ok: false, code: 'unknown-page', message: `No page of the corpus matches "${named}".` };
  }
}

function nameOf(base: string): string {
  return base.slice(base.lastIndexOf('/') + 1);
}
