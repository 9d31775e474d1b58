import { useMemo, useState, type ReactNode } from 'react';
import type { EditorView } from 'prosemirror-view';
import { findOccurrences } from '../../shared/entities/occurrences';
import { Modal } from '../components/Modal';
import { useT } from '../i18n/LanguageContext';
import { cpToPmPos, textFromDoc } from '../editor/text-doc';
import { tagRanges } from './entity-commands';
import { entityExtents } from './suggestions-plugin';

/// Props of `PropagationDialog`.
export interface PropagationDialogProps {
  view: EditorView;
  /// The entity's text and type, as they were when the dialog opened.
  text: string;
  type: string;
  onClose(): void;
  /// The corpus-wide preview and apply (B2's component), shown when "The whole corpus" is chosen; null when
  /// this build has none.
  corpusScope: ReactNode | null;
}

/// "Tag all occurrences": every untagged occurrence of the text on this page (exact substring match), each
/// with its context and a checkbox, tagged in one transaction so one undo reverts it; or the same in the whole
/// corpus through the corpus component.
export function PropagationDialog({ view, text, type, onClose, corpusScope }: PropagationDialogProps) {
  const t = useT();
  const [scope, setScope] = useState<'page' | 'corpus'>('page');
  // Found once, when the dialog opens: the preview must stay what the editor ticks.
  const occurrences = useMemo(() => {
    const doc = view.state.doc;
    return findOccurrences(textFromDoc(doc), text, { existing: entityExtents(doc, 0, doc.content.size) }).map((o) => ({ ...o, from: cpToPmPos(doc, o.start), to: cpToPmPos(doc, o.end) }));
  }, [view, text]);
  const [unticked, setUnticked] = useState<Set<number>>(new Set());
  const chosen = occurrences.filter((_, i) => !unticked.has(i));
  const apply = () => {
    const tr = tagRanges(view.state, chosen.map((o) => ({ from: o.from, to: o.to, type })));
    if (tr) view.dispatch(tr.scrollIntoView());
    onClose();
    view.focus();
  };
  return (
    <Modal title={t('ent.propagateTitle', { text, type })} onCancel={onClose} className="propagation-dialog">
      <fieldset>
        <legend>{t('ent.scope')}</legend>
        <label>
          <input type="radio" name="propagation-scope" checked={scope === 'page'} onChange={() => setScope('page')} /> {t('ent.scopePage')}
        </label>
        <label>
          <input type="radio" name="propagation-scope" checked={scope === 'corpus'} onChange={() => setScope('corpus')} /> {t('ent.scopeCorpus')}
        </label>
      </fieldset>
      {scope === 'page' ? (
        <>
          {occurrences.length === 0 ? (
            <p className="hint">{t('ent.noOccurrences')}</p>
          ) : (
            <ul className="occurrence-list" aria-label={t('ent.occurrences')}>
              {occurrences.map((o, i) => (
                <li key={o.start}>
                  <label>
                    <input
                      type="checkbox"
                      checked={!unticked.has(i)}
                      onChange={(event) => {
                        const next = new Set(unticked);
                        if (event.target.checked) next.delete(i);
                        else next.add(i);
                        setUnticked(next);
                      }}
                    />
                    <span className="kwic-before">{o.before}</span>
                    <mark>{o.match}</mark>
                    <span className="kwic-after">{o.after}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          <div className="modal-actions">
            <button type="button" onClick={onClose}>{t('cancel')}</button>
            <button type="button" disabled={chosen.length === 0} onClick={apply}>{t('ent.applyPage', { count: chosen.length })}</button>
          </div>
        </>
      ) : (
        (corpusScope ?? (
          <>
            <p className="hint">{t('ent.corpusUnavailable')}</p>
            <div className="modal-actions">
              <button type="button" onClick={onClose}>{t('cancel')}</button>
            </div>
          </>
        ))
      )}
    </Modal>
  );
}
