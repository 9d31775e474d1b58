import { useMemo, useRef } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { DisplayType } from '../../shared/entities/tagset';
import { useVirtualRows, type ShownRow } from '../components/virtual-rows';
import { jumpEditor } from '../editor/jump';
import { useT } from '../i18n/LanguageContext';
import { selectEntity } from './entity-commands';
import { entityTextsOf, type DocEntity } from './entity-index';

/// One entity type of the page and its members.
export interface EntityGroupData {
  type: DisplayType;
  members: DocEntity[];
}

// The list's rows, flat: each type's heading followed by its distinct texts, the most frequent first.
type Row =
  | { kind: 'head'; type: DisplayType; count: number }
  | { kind: 'text'; type: DisplayType; text: string; list: DocEntity[]; position: number; setSize: number };

const HEAD_HEIGHT = 30;
const TEXT_HEIGHT = 24;

/// The page's entities grouped by type with counts, each distinct text a button that goes to its next occurrence.
///
/// Virtualised (issue 16 item 9): every distinct text of every type is listed, but only the rows in view, the types'
/// headings and the focused row are in the DOM; Up/Down move between rows.
export function EntityGroups({ groups, view }: { groups: readonly EntityGroupData[]; view: EditorView | null }) {
  const t = useT();
  const doc = view?.state.doc;
  const rows = useMemo(() => {
    const flat: Row[] = [];
    // Read with the entity list (cached per document and per line), not one document lookup per entity.
    const textOf = doc ? entityTextsOf(doc) : null;
    for (const { type, members } of groups) {
      flat.push({ kind: 'head', type, count: members.length });
      if (!textOf) continue;
      const byText = new Map<string, DocEntity[]>();
      for (const e of members) {
        const text = textOf.get(e.id) ?? '';
        const list = byText.get(text);
        if (list) list.push(e);
        else byText.set(text, [e]);
      }
      const texts = [...byText].sort((a, b) => b[1].length - a[1].length || a[1][0]!.from - b[1][0]!.from);
      texts.forEach(([text, list], i) => flat.push({ kind: 'text', type, text, list, position: i + 1, setSize: texts.length }));
    }
    return flat;
  }, [groups, doc]);
  const pinned = useMemo(() => rows.flatMap((row, index) => (row.kind === 'head' ? [index] : [])), [rows]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows({
    count: rows.length,
    keyOf: (index) => {
      const row = rows[index]!;
      return row.kind === 'head' ? `type:${row.type.id}` : `text:${row.type.id}:${row.text}`;
    },
    estimate: (index) => (rows[index]!.kind === 'head' ? HEAD_HEIGHT : TEXT_HEIGHT),
    scrollRef,
    focusable: (index) => rows[index]!.kind === 'text',
    pinned,
  });

  const jump = (list: DocEntity[]) => {
    if (!view) return;
    // Each click goes to the next occurrence after the selection, wrapping around.
    const { from } = view.state.selection;
    const target = list.find((e) => e.from > from) ?? list[0]!;
    jumpEditor(view, (state) => selectEntity(state, target));
  };

  // The rendered rows cut into their types' sections (a heading is always rendered, so each section starts with it).
  const sections: { head: ShownRow; type: DisplayType; count: number; texts: ShownRow[] }[] = [];
  for (const shown of virtual.rows) {
    const row = rows[shown.index]!;
    if (row.kind === 'head') sections.push({ head: shown, type: row.type, count: row.count, texts: [] });
    else sections[sections.length - 1]?.texts.push(shown);
  }

  return (
    <div className="entity-groups" ref={scrollRef} onKeyDown={virtual.onKeyDown} onFocus={virtual.onFocus} onBlur={virtual.onBlur} data-row-count={rows.length}>
      <div className="entity-rows" style={{ height: virtual.totalSize }}>
        {sections.map(({ head, type, count, texts }) => {
          const heading = t('ent.group', { label: type.label, type: type.id, count });
          return (
            <section key={type.id} className="entity-group" aria-label={heading}>
              <div className="entity-group-head" data-index={head.index} ref={virtual.measure} style={{ marginTop: head.marginTop }}>
                <h3 style={{ ['--ent-colour' as string]: type.colour }}>
                  <span className="entity-swatch" aria-hidden="true" />
                  {heading}
                  {!type.known && <span className="hint"> — {t('ent.unknownType')}</span>}
                </h3>
              </div>
              {texts.length > 0 && (
                <ul>
                  {texts.map((shown) => {
                    const row = rows[shown.index]! as Extract<Row, { kind: 'text' }>;
                    return (
                      <li
                        key={shown.key}
                        data-index={shown.index}
                        ref={virtual.measure}
                        style={{ marginTop: shown.marginTop }}
                        aria-setsize={row.setSize}
                        aria-posinset={row.position}
                      >
                        <button type="button" className="entity-text" onClick={() => jump(row.list)} title={t('ent.jump', { text: row.text, n: 1, count: row.list.length })}>
                          {row.text} {row.list.length > 1 && <span className="entity-count">×{row.list.length}</span>}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
