import { useEffect, useRef, useState } from 'react';
import type { HarnessExtras } from '../bridge/install';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { FolderListing } from '../../shared/ipc/harness-protocol';
import { useErrorWords, useT } from '../i18n/LanguageContext';
import { presentFolders } from '../desktop/present-folders';
import { Modal } from './Modal';

/// The browser harness's stand-in for the native folder dialog: type a path, browse sub-folders, or pick one of
/// the recently opened folders but the open one (the harness's File → Open Recent, with Clear Recently Opened).
///
/// The path field holds only what the user typed or browsed to. The first listing (the home folder) arrives
/// while the field may already have the focus and a selection, so it is shown as the field's placeholder and
/// taken by "Use this folder" when the field is empty, never written into the field.
export function FolderPicker({ harness, api, onChoose }: { harness: HarnessExtras; api: JiaoduiApi; onChoose(folder: string | null): void }) {
  const t = useT();
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void api.getAppState().then(async (state) => {
      if (!state.ok) return;
      // Folders gone since they were opened are left out, as from File → Open Recent; so is the corpus open now.
      const present = await presentFolders(state.value.recentCorpora, harness.listFolders, state.value.corpus?.root ?? null);
      if (live) setRecent(present);
    });
    return () => {
      live = false;
    };
  }, [api, harness]);
  const clearRecent = async () => {
    const cleared = await api.clearRecentCorpora();
    if (cleared.ok) setRecent([]);
    else setError(cleared.error.message);
  };
  const errorWords = useErrorWords();
  const [path, setPath] = useState('');
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = path.trim() || listing?.path || '';
  // Only the newest listing is shown: an older one answered late must not replace it.
  const lastRequest = useRef(0);

  // `fillField`: a listing the user asked for shows its folder in the field, unless the user typed meanwhile.
  const browse = async (folder: string, fillField: boolean) => {
    const request = ++lastRequest.current;
    const result = await harness.listFolders(folder);
    if (request !== lastRequest.current) return;
    if (result.ok) {
      setListing(result.value);
      if (fillField) setPath((typed) => (typed === folder ? result.value.path : typed));
      setError(null);
    } else setError(errorWords(result.error));
  };

  // A folder clicked in the listing goes into the field at once, like a typed one.
  const browseTo = (folder: string) => {
    setPath(folder);
    void browse(folder, true);
  };

  useEffect(() => {
    void browse('', false);
    // Only on first show: later browsing is driven by the user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Modal title={t('folderPickerTitle')} onCancel={() => onChoose(null)} className="folder-picker">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void browse(path, true);
        }}
      >
        <label>
          {t('folderPath')}
          <input
            type="text"
            value={path}
            placeholder={listing?.path}
            onChange={(event) => setPath(event.target.value)}
            autoFocus
            spellCheck={false}
          />
        </label>
        <button type="submit">{t('open')}</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {recent.length > 0 && (
        <section className="recent-folders" aria-label={t('desktop.recent')}>
          <h3>{t('desktop.recent')}</h3>
          <ul>
            {recent.map((folder) => (
              <li key={folder}>
                <button type="button" onClick={() => onChoose(folder)}>{folder}</button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void clearRecent()}>{t('desktop.clearRecent')}</button>
        </section>
      )}
      {listing && (
        <ul className="folder-children" aria-label={listing.path}>
          {listing.parent !== null && (
            <li><button type="button" onClick={() => browseTo(listing.parent!)}>⬑ {t('goUp')}</button></li>
          )}
          {listing.folders.map((child) => (
            <li key={child.path}>
              <button type="button" onClick={() => browseTo(child.path)}>📁 {child.name}</button>
            </li>
          ))}
        </ul>
      )}
      <div className="modal-actions">
        <button type="button" className="primary" onClick={() => onChoose(chosen || null)} disabled={chosen === ''}>
          {t('useThisFolder')}
        </button>
        <button type="button" onClick={() => onChoose(null)}>{t('cancel')}</button>
      </div>
    </Modal>
  );
}
