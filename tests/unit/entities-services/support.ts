import { openPage } from '../../../electron/services/page/open-page';
import { savePage } from '../../../electron/services/page/save-page';
import type { EntitySpan } from '../../../shared/model/sidecar-schema';
import { cpLength } from '../../../shared/text/codepoints';

/// Spans for every occurrence of `needle` in `text` whose index (0-based, in order) is in `which` (default all).
export function spansOf(text: string, needle: string, type: string, which?: number[]): Omit<EntitySpan, 'id'>[] {
  const spans: Omit<EntitySpan, 'id'>[] = [];
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length), n++) {
    if (which && !which.includes(n)) continue;
    const start = cpLength(text.slice(0, at));
    spans.push({ start, end: start + cpLength(needle), type, text: needle });
  }
  return spans;
}

/// Saves a sidecar for a page through the app's own save, with the given spans (and optionally a corrected text).
export async function tagPage(root: string, rel: string, spans: Omit<EntitySpan, 'id'>[], text?: string): Promise<string> {
  const page = await openPage(root, rel);
  if (!page.ok) throw new Error(page.error.message);
  const saved = await savePage(
    root,
    {
      path: rel,
      text: text ?? page.value.text,
      status: 'in-progress',
      entities: [...page.value.entities, ...spans.map((s, i) => ({ ...s, id: `t${page.value.entities.length + i}` }))],
      sourceSha256: page.value.sha256,
      expectedSidecarHash: page.value.sidecarHash,
    },
    '0.0.0-test',
  );
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.value.sidecarHash;
}
