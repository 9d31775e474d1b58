import { useT } from '../i18n/LanguageContext';
import type { MessageKey } from '../i18n/messages';
import { Modal } from './Modal';

/// The keyboard shortcuts, in the order the sheet lists them.
export const SHORTCUTS: { keys: string; label: MessageKey }[] = [
  { keys: 'Ctrl+S', label: 'shortcut.save' },
  { keys: 'Ctrl+O', label: 'shortcut.open' },
  { keys: 'Ctrl+E', label: 'shortcut.export' },
  { keys: 'Ctrl+Z', label: 'shortcut.undo' },
  { keys: 'Ctrl+Y / Ctrl+Shift+Z', label: 'shortcut.redo' },
  { keys: 'Alt+↓ / Ctrl+PageDown', label: 'shortcut.nextPage' },
  { keys: 'Alt+↑ / Ctrl+PageUp', label: 'shortcut.previousPage' },
  { keys: 'Alt+Shift+↓', label: 'shortcut.nextToReview' },
  { keys: 'Alt+Shift+↑', label: 'shortcut.previousToReview' },
  { keys: 'Ctrl+Shift+D', label: 'shortcut.dashboard' },
  { keys: 'Ctrl+Shift+K', label: 'shortcut.originalView' },
  { keys: 'Ctrl+Shift+R', label: 'shortcut.reviewed' },
  { keys: 'Ctrl+1', label: 'shortcut.focusList' },
  { keys: 'Ctrl+2', label: 'shortcut.focusEditor' },
  { keys: 'Ctrl+Shift+L', label: 'shortcut.language' },
  { keys: 'Ctrl+= / Ctrl+− / Ctrl+0', label: 'shortcut.textSize' },
  { keys: 'Ctrl+B', label: 'shortcut.sidebar' },
  { keys: 'Ctrl+Shift+B', label: 'shortcut.panels' },
  { keys: 'Ctrl+Shift+F', label: 'shortcut.focusMode' },
  { keys: 'Ctrl+F', label: 'shortcut.find' },
  { keys: 'Ctrl+H', label: 'shortcut.replace' },
  { keys: 'F3 / Shift+F3', label: 'shortcut.findNext' },
  { keys: 'Ctrl+Shift+H', label: 'shortcut.batch' },
  { keys: 'F8', label: 'shortcut.suggestionNext' },
  { keys: 'Shift+F8', label: 'shortcut.suggestionPrevious' },
  { keys: 'F9', label: 'shortcut.suggestionAccept' },
  { keys: 'Shift+F9', label: 'shortcut.suggestionReject' },
  { keys: 'Alt+Shift+Enter', label: 'shortcut.suggestionAcceptRule' },
  { keys: 'Ctrl+F9', label: 'shortcut.suggestionIgnore' },
  { keys: '? / F1', label: 'shortcut.help' },
  { keys: 'Alt+1 … Alt+5', label: 'shortcut.ent.tag' },
  { keys: 'Alt+. / Alt+,', label: 'shortcut.ent.next' },
  { keys: 'Alt+Shift+. / Alt+Shift+,', label: 'shortcut.ent.nextSuggestion' },
  { keys: 'Enter', label: 'shortcut.ent.accept' },
  { keys: 'Alt+Backspace', label: 'shortcut.ent.reject' },
  { keys: 'Alt+Shift+Backspace', label: 'shortcut.ent.ignore' },
  { keys: 'Alt+A', label: 'shortcut.ent.acceptAll' },
  { keys: 'Alt+Delete', label: 'shortcut.ent.delete' },
  { keys: 'Alt+Enter', label: 'shortcut.ent.open' },
  { keys: 'Alt+P', label: 'shortcut.ent.propagate' },
];

/// The shortcuts sheet (press ? outside the editor, or F1 anywhere).
export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const t = useT();
  return (
    <Modal title={t('shortcuts')} onCancel={onClose} startAtTop>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.label}>
              <td><kbd>{s.keys}</kbd></td>
              <td>{t(s.label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('shortcut.listKeys')}</p>
      <p className="hint">{t('scan.keys')}</p>
      <p className="hint">macOS: ⌘ = Ctrl</p>
      <div className="modal-actions">
        <button type="button" autoFocus onClick={onClose}>{t('close')}</button>
      </div>
    </Modal>
  );
}
