/// The Export dialog's choices and what follows from them: the pages each scope covers, and the export.run request.
/// Pure functions, no React, so they are tested on their own.
import { EXPORT_FORMATS, type ExportFormatId } from '../../shared/export/format-ids';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/types';
import type { ExportChoices, ExportRequest, ExportScope, ExportScopeKind, PageEntry } from '../../shared/ipc/contract';
import { REVIEW_STATUSES, type ReviewStatus } from '../../shared/model/sidecar-schema';

/// The choices of a first export: corrected text of the whole corpus, with the default options.
export const DEFAULT_EXPORT_CHOICES: ExportChoices = {
  formats: ['text'],
  scope: 'all',
  statuses: ['reviewed'],
  options: DEFAULT_EXPORT_OPTIONS,
};

/// What the dialog knows about the corpus when it opens.
export interface ScopeContext {
  pages: readonly Pick<PageEntry, 'path' | 'status'>[];
  /// The page open in the editor, or null.
  openPage: string | null;
  /// The pages selected in the page list, in list order.
  selected: readonly string[];
}

/// A page's status as an export by status counts it: a page without a sidecar is 'unreviewed' (as export.run does).
export function exportStatusOf(page: Pick<PageEntry, 'status'>): ReviewStatus {
  return page.status ?? 'unreviewed';
}

/// How many pages of the corpus have each review status.
export function statusCounts(pages: ScopeContext['pages']): Record<ReviewStatus, number> {
  const counts = Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;
  for (const page of pages) counts[exportStatusOf(page)]++;
  return counts;
}

/// The export.run scope for a scope kind, or null when it covers no page (no page open, nothing selected, no
/// status ticked).
export function scopeFor(kind: ExportScopeKind, statuses: readonly ReviewStatus[], context: ScopeContext): ExportScope | null {
  switch (kind) {
    case 'page':
      return context.openPage === null ? null : { kind: 'pages', pages: [context.openPage] };
    case 'selected':
      return context.selected.length === 0 ? null : { kind: 'pages', pages: [...context.selected] };
    case 'status':
      return statuses.length === 0 ? null : { kind: 'status', statuses: REVIEW_STATUSES.filter((s) => statuses.includes(s)) };
    case 'all':
      return { kind: 'all' };
  }
}

/// How many pages a scope kind covers now.
export function scopeCount(kind: ExportScopeKind, statuses: readonly ReviewStatus[], context: ScopeContext): number {
  switch (kind) {
    case 'page':
      return context.openPage === null ? 0 : 1;
    case 'selected':
      return context.selected.length;
    case 'status': {
      const counts = statusCounts(context.pages);
      return statuses.reduce((sum, s) => sum + counts[s], 0);
    }
    case 'all':
      return context.pages.length;
  }
}

/// The choices the dialog opens with: the remembered ones, except that a remembered scope that covers nothing now
/// (no page open, nothing selected) gives way to the whole corpus (remembered as such once any choice changes).
export function openingChoices(remembered: ExportChoices | undefined, context: ScopeContext): ExportChoices {
  const choices = remembered ?? DEFAULT_EXPORT_CHOICES;
  const unavailable = (choices.scope === 'page' && context.openPage === null) || (choices.scope === 'selected' && context.selected.length === 0);
  return unavailable ? { ...choices, scope: 'all' } : choices;
}

/// Why the dialog cannot export yet, as a message key, or null when it can.
export function blocker(choices: ExportChoices, context: ScopeContext, folder: string | null): 'export.needFormat' | 'export.needPages' | 'export.needFolder' | null {
  if (choices.formats.length === 0) return 'export.needFormat';
  if (scopeFor(choices.scope, choices.statuses, context) === null || scopeCount(choices.scope, choices.statuses, context) === 0) return 'export.needPages';
  if (folder === null) return 'export.needFolder';
  return null;
}

/// The export.run request for the choices, or null when they cannot run (see `blocker`). Formats go in the order
/// of EXPORT_FORMATS whatever order they were ticked in.
export function exportRequestFor(choices: ExportChoices, context: ScopeContext): ExportRequest | null {
  const scope = scopeFor(choices.scope, choices.statuses, context);
  if (scope === null || choices.formats.length === 0) return null;
  return { formats: EXPORT_FORMATS.filter((f) => choices.formats.includes(f)), scope, options: { ...choices.options } };
}

/// `list` with `item` added (at the end) or removed.
export function toggled<T extends ExportFormatId | ReviewStatus>(list: readonly T[], item: T, on: boolean): T[] {
  const without = list.filter((x) => x !== item);
  return on ? [...without, item] : without;
}
