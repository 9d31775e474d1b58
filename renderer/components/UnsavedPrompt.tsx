import { useT } from '../i18n/LanguageContext';
import { Modal } from './Modal';

/// What the user chose when leaving a page with unsaved work.
export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/// The Save / Discard / Cancel prompt shown before leaving a page or quitting with unsaved work.
export function UnsavedPrompt({ page, onChoose }: { page: string; onChoose(choice: UnsavedChoice): void }) {
  const t = useT();
  return (
    <Modal title={t('unsavedTitle')} onCancel={() => onChoose('cancel')}>
      <p>{t('unsavedBody', { page })}</p>
      <div className="modal-actions">
        <button type="button" className="primary" autoFocus onClick={() => onChoose('save')}>{t('save')}</button>
        <button type="button" onClick={() => onChoose('discard')}>{t('discard')}</button>
        <button type="button" onClick={() => onChoose('cancel')}>{t('cancel')}</button>
      </div>
    </Modal>
  );
}
