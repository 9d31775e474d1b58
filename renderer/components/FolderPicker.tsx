import { useEffect, useState } from 'react';
import type { HarnessExtras } from '../bridge/install';
import type { FolderListing } from '../../electron/harness/protocol';
import { useT } from '../i18n/LanguageContext';
import { Modal } from './Modal';

/// The browser harness's stand-in for the native folder dialog: type a path or browse sub-folders.
export function FolderPicker({ harness, onChoose }: { harness: HarnessExtras; onChoose(folder: string | null): void }) {
  const t = useT();
  const [path, setPath] = useState('');
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);

  // `initial`: the first listing (the home folder) must not replace a path the user typed while it loaded.
  const browse = async (folder: string, initial = false) => {
    const result = await harness.listFolders(folder);
    if (result.ok) {
      setListing(result.value);
      setPath((typed) => (initial && typed !== '' ? typed : result.value.path));
      setError(null);
    } else setError(result.error.message);
  };

  useEffect(() => {
    void browse('', true);
    // Only on first show: later browsing is driven by the user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Modal title={t('folderPickerTitle')} onCancel={() => onChoose(null)} className="folder-picker">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void browse(path);
        }}
      >
        <label>
          {t('folderPath')}
          <input type="text" value={path} onChange={(event) => setPath(event.target.value)} autoFocus spellCheck={false} />
        </label>
        <button type="submit">{t('open')}</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {listing && (
        <ul className="folder-children" aria-label={listing.path}>
          {listing.parent !== null && (
            <li><button type="button" onClick={() => void browse(listing.parent!)}>⬑ {t('goUp')}</button></li>
          )}
          {listing.folders.map((child) => (
            <li key={child.path}>
              <button type="button" onClick={() => void browse(child.path)}>📁 {child.name}</button>
            </li>
          ))}
        </ul>
      )}
      <div className="modal-actions">
        <button type="button" className="primary" onClick={() => onChoose(path.trim() || null)} disabled={path.trim() === ''}>
          {t('useThisFolder')}
        </button>
        <button type="button" onClick={() => onChoose(null)}>{t('cancel')}</button>
      </div>
    </Modal>
  );
}
