import type { PageData } from '../../shared/ipc/contract';
import type { EntitySpan, RejectedCorrection, RejectedEntity, ReviewStatus } from '../../shared/model/sidecar-schema';

/// Everything of a page the editor can change and the sidecar stores (corrections follow from the text).
export interface PageContent {
  text: string;
  entities: EntitySpan[];
  rejectedEntities: RejectedEntity[];
  rejectedCorrections: RejectedCorrection[];
  status: ReviewStatus;
  /// The page note; '' for none.
  note: string;
}

/// The content a page was loaded with.
export function contentOf(page: PageData): PageContent {
  return {
    text: page.text,
    entities: page.entities,
    rejectedEntities: page.rejectedEntities,
    rejectedCorrections: page.rejectedCorrections,
    status: page.status,
    note: page.note ?? '',
  };
}

/// Whether two contents would write the same sidecar (entity ids aside, which the editor may renumber).
export function sameContent(a: PageContent, b: PageContent): boolean {
  return (
    a.status === b.status &&
    a.note === b.note &&
    a.text === b.text &&
    sameJson(sortedEntities(a.entities), sortedEntities(b.entities)) &&
    sameJson(sortedRejections(a.rejectedEntities), sortedRejections(b.rejectedEntities)) &&
    sameJson(a.rejectedCorrections, b.rejectedCorrections)
  );
}

/// A page showing `content` instead of what it was loaded with (a restored journal, the editor's own version).
export function pageWithContent(page: PageData, content: PageContent): PageData {
  return { ...page, ...content };
}

function sortedEntities(list: EntitySpan[]): string[] {
  return list.map(({ start, end, type, text }) => JSON.stringify([start, end, type, text])).sort();
}

function sortedRejections(list: RejectedEntity[]): string[] {
  return list.map((r) => JSON.stringify(r)).sort();
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
