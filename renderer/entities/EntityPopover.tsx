import { useEffect, useRef } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { DisplayType } from '../../shared/entities/tagset';
import { useT } from '../i18n/LanguageContext';
import { useEditorChanges, type EditorChanges } from './editor-changes';
import { deleteEntity, retypeEntity } from './entity-commands';
import { entityById } from './entity-index';

// Room the popover needs, for placing it inside the window.
const POPOVER_WIDTH = 260;
const POPOVER_HEIGHT = 130;

/// Props of `EntityPopover`.
export interface EntityPopoverProps {
  /// Tells the popover the editor changed (an undo may have removed its entity).
  changes: EditorChanges;
  view: EditorView;
  entityId: string;
  types: readonly DisplayType[];
  onClose(): void;
  /// Opens "tag all occurrences" for this entity.
  onPropagate(id: string): void;
}

/// A small non-modal dialog beside an entity: change its type, delete its tag, or tag all its occurrences.
///
/// Opens with the type list focused; Escape closes it and returns to the editor.
export function EntityPopover({ changes, view, entityId, types, onClose, onPropagate }: EntityPopoverProps) {
  const t = useT();
  useEditorChanges(changes);
  const selectRef = useRef<HTMLSelectElement>(null);
  const entity = entityById(view.state.doc, entityId);
  useEffect(() => selectRef.current?.focus(), []);
  useEffect(() => {
    if (!entity) onClose();
  }, [entity, onClose]);
  if (!entity) return null;
  const text = view.state.doc.textBetween(entity.from, entity.to, '\n');
  const coords = view.coordsAtPos(entity.from);
  const close = () => {
    onClose();
    view.focus();
  };
  const shown = types.some((type) => type.id === entity.type) ? types : [...types, { id: entity.type, label: entity.type, colour: '', known: false }];
  return (
    <div
      role="dialog"
      aria-label={t('ent.popover', { text })}
      className="entity-popover"
      // Below the entity, or above it when that would leave the window.
      style={{
        left: Math.max(8, Math.min(coords.left, window.innerWidth - POPOVER_WIDTH)),
        top: coords.bottom + 6 + POPOVER_HEIGHT > window.innerHeight ? Math.max(8, coords.top - 6 - POPOVER_HEIGHT) : coords.bottom + 6,
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <div className="entity-popover-text">{text}</div>
      <label>
        {t('ent.type')}{' '}
        <select
          ref={selectRef}
          disabled={!view.editable}
          value={entity.type}
          onChange={(event) => {
            const tr = retypeEntity(view.state, entityId, event.target.value);
            if (tr) view.dispatch(tr);
          }}
        >
          {shown.map((type) => (
            <option key={type.id} value={type.id}>
              {type.id} {type.label}
            </option>
          ))}
        </select>
      </label>
      <div className="entity-popover-actions">
        <button
          type="button"
          disabled={!view.editable}
          onClick={() => {
            const tr = deleteEntity(view.state, entityId);
            if (tr) view.dispatch(tr);
            close();
          }}
        >
          {t('ent.delete')}
        </button>
        <button type="button" disabled={!view.editable} onClick={() => onPropagate(entityId)}>{t('ent.propagate')}</button>
        <button type="button" onClick={close}>{t('close')}</button>
      </div>
    </div>
  );
}
