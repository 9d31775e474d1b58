import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../../shared/export/format-ids';
import { exportRequestSchema, preferencesPatchSchema, type ExportChoices } from '../../../../shared/ipc/contract';
import {
  blocker,
  DEFAULT_EXPORT_CHOICES,
  exportRequestFor,
  openingChoices,
  scopeCount,
  scopeFor,
  statusCounts,
  toggled,
  type ScopeContext,
} from '../../../../renderer/export/choices';

// A corpus of five pages; 𠮷 (U+20BB7, outside the BMP) in a path, which the dialog passes on untouched.
const context: ScopeContext = {
  pages: [
    { path: '𠮷/a.txt', status: 'reviewed' },
    { path: 'b.xml', status: null },
    { path: 'c.txt', status: 'unreviewed' },
    { path: 'd.txt', status: 'needs-attention' },
    { path: 'e.txt', status: 'reviewed' },
  ],
  openPage: '𠮷/a.txt',
  selected: ['c.txt', 'b.xml'],
};
const nothingOpen: ScopeContext = { ...context, openPage: null, selected: [] };

const choices = (patch: Partial<ExportChoices>): ExportChoices => ({ ...DEFAULT_EXPORT_CHOICES, ...patch });

describe('export dialog scopes', () => {
  it('counts a page without a sidecar as unreviewed, as export.run does', () => {
    expect(statusCounts(context.pages)).toEqual({ unreviewed: 2, 'in-progress': 0, reviewed: 2, 'needs-attention': 1 });
  });

  it('gives each scope kind its request scope and page count', () => {
    expect(scopeFor('page', [], context)).toEqual({ kind: 'pages', pages: ['𠮷/a.txt'] });
    expect(scopeCount('page', [], context)).toBe(1);
    expect(scopeFor('selected', [], context)).toEqual({ kind: 'pages', pages: ['c.txt', 'b.xml'] });
    expect(scopeCount('selected', [], context)).toBe(2);
    // Statuses go in their canonical order whatever order they were ticked in.
    expect(scopeFor('status', ['needs-attention', 'unreviewed'], context)).toEqual({ kind: 'status', statuses: ['unreviewed', 'needs-attention'] });
    expect(scopeCount('status', ['needs-attention', 'unreviewed'], context)).toBe(3);
    expect(scopeFor('all', [], context)).toEqual({ kind: 'all' });
    expect(scopeCount('all', [], context)).toBe(5);
  });

  it('has no scope for this page with none open, for no selection, or for no status ticked', () => {
    expect(scopeFor('page', [], nothingOpen)).toBeNull();
    expect(scopeFor('selected', [], nothingOpen)).toBeNull();
    expect(scopeFor('status', [], context)).toBeNull();
    expect(scopeCount('status', [], context)).toBe(0);
  });

  it('opens with the remembered choices, or the defaults; a scope that covers nothing now gives way to the corpus', () => {
    const remembered = choices({ formats: ['tei', 'conll'], scope: 'selected', statuses: ['in-progress'] });
    expect(openingChoices(remembered, context)).toEqual(remembered);
    expect(openingChoices(remembered, nothingOpen)).toEqual({ ...remembered, scope: 'all' });
    expect(openingChoices(choices({ scope: 'page' }), nothingOpen).scope).toBe('all');
    expect(openingChoices(choices({ scope: 'status', statuses: [] }), nothingOpen).scope).toBe('status');
    expect(openingChoices(undefined, context)).toEqual(DEFAULT_EXPORT_CHOICES);
  });
});

describe('export dialog request', () => {
  it('says what is missing before it can export: a format, pages, a folder', () => {
    expect(blocker(choices({ formats: [] }), context, '/out')).toBe('export.needFormat');
    expect(blocker(choices({ scope: 'status', statuses: ['in-progress'] }), context, '/out')).toBe('export.needPages');
    expect(blocker(choices({ scope: 'selected' }), nothingOpen, '/out')).toBe('export.needPages');
    expect(blocker(choices({}), context, null)).toBe('export.needFolder');
    expect(blocker(choices({}), context, '/out')).toBeNull();
  });

  it('builds a request export.run accepts, formats in their canonical order', () => {
    const chosen = choices({ formats: ['web-annotation', 'text', 'alto'], scope: 'status', statuses: ['reviewed'], options: { teiGrouping: 'one-document', lineBreaks: 'paragraphs', nestedSpans: 'innermost' } });
    const request = exportRequestFor(chosen, context);
    expect(request).toEqual({
      formats: ['text', 'alto', 'web-annotation'],
      scope: { kind: 'status', statuses: ['reviewed'] },
      options: { teiGrouping: 'one-document', lineBreaks: 'paragraphs', nestedSpans: 'innermost' },
    });
    expect(exportRequestSchema.safeParse(request).success).toBe(true);
    const everything = exportRequestFor(choices({ formats: [...EXPORT_FORMATS].reverse(), scope: 'page' }), context);
    expect(everything?.formats).toEqual([...EXPORT_FORMATS]);
    expect(exportRequestSchema.safeParse(everything).success).toBe(true);
    expect(exportRequestFor(choices({ formats: [] }), context)).toBeNull();
    expect(exportRequestFor(choices({ scope: 'page' }), nothingOpen)).toBeNull();
  });

  it('ticks and unticks without duplicates', () => {
    expect(toggled(['text'], 'tei', true)).toEqual(['text', 'tei']);
    expect(toggled(['text', 'tei'], 'tei', true)).toEqual(['text', 'tei']);
    expect(toggled(['text', 'tei'], 'text', false)).toEqual(['tei']);
  });

  it('remembers only choices the contract accepts', () => {
    expect(preferencesPatchSchema.safeParse({ exportChoices: DEFAULT_EXPORT_CHOICES }).success).toBe(true);
    expect(preferencesPatchSchema.safeParse({ exportChoices: { ...DEFAULT_EXPORT_CHOICES, formats: ['pdf'] } }).success).toBe(false);
    expect(preferencesPatchSchema.safeParse({ exportChoices: { ...DEFAULT_EXPORT_CHOICES, scope: 'pages' } }).success).toBe(false);
    expect(preferencesPatchSchema.safeParse({ exportChoices: { ...DEFAULT_EXPORT_CHOICES, folder: '/tmp' } }).success).toBe(false);
    expect(preferencesPatchSchema.safeParse({ exportChoices: { ...DEFAULT_EXPORT_CHOICES, options: { ...DEFAULT_EXPORT_CHOICES.options, lineBreaks: 'none' } } }).success).toBe(false);
  });
});
