import { useEffect, useMemo, useState } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { TagsetInfo } from '../../shared/ipc/contract';
import { Modal } from '../components/Modal';
import { useErrorWords, useT } from '../i18n/LanguageContext';
import { draftOf, draftProblems, tagsetOf, unknownTypes, withNewType, type DraftType } from './tagset-draft';
import './entities-corpus.css';

/// Props of the tag-set settings dialog.
export interface TagsetSettingsDialogProps {
  api: Pick<JiaoduiApi, 'entityTagset' | 'saveEntityTagset' | 'corpusEntityIndex'>;
  onClose(): void;
  /// Called with the tag set as stored after each successful save (the editor switches to it).
  onSaved?(info: TagsetInfo): void;
}

/// The corpus's entity types: rename (label), recolour, set the shortcut key, add types and reorder them; types
/// used in sidecars but missing from the tag set are listed and can be added. Validated as typed; saved to
/// `jiaodui.tagset.json` at the corpus root. A malformed file is only replaced when the user ticks the box.
///
/// A modal dialog "Entity types" with a table whose inputs are named "Label of PER", "Colour of PER",
/// "Shortcut key of PER"; the type id of a type already stored is fixed, since sidecars refer to it.
export function TagsetSettingsDialog({ api, onClose, onSaved }: TagsetSettingsDialogProps) {
  const t = useT();
  const errorWords = useErrorWords();
  const [info, setInfo] = useState<TagsetInfo | null>(null);
  const [draft, setDraft] = useState<DraftType[]>([]);
  const [inUse, setInUse] = useState<{ type: string; count: number }[]>([]);
  const [replaceMalformed, setReplaceMalformed] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([api.entityTagset(), api.corpusEntityIndex()]).then(([tagset, index]) => {
      if (!live) return;
      if (!tagset.ok) {
        setError(errorWords(tagset.error));
        return;
      }
      setInfo(tagset.value);
      setDraft(draftOf(tagset.value.tagset));
      if (index.ok) setInUse(index.value.typesInUse);
    });
    return () => {
      live = false;
    };
  }, [api, errorWords]);

  const wholeList = t('tagset.title');
  const problems = useMemo(() => draftProblems(draft, wholeList), [draft, wholeList]);
  const unknown = useMemo(() => unknownTypes(draft, inUse), [draft, inUse]);
  const counts = useMemo(() => new Map(inUse.map((u) => [u.type, u.count])), [inUse]);
  const edit = (index: number, change: Partial<DraftType>) => {
    setSaved(false);
    setDraft((previous) => previous.map((type, i) => (i === index ? { ...type, ...change } : type)));
  };
  const moveUp = (index: number) => {
    setSaved(false);
    setDraft((previous) => {
      const next = [...previous];
      [next[index - 1], next[index]] = [next[index]!, next[index - 1]!];
      return next;
    });
  };

  const save = async () => {
    if (!info || problems.length > 0) return;
    setSaving(true);
    setError(null);
    const result = await api.saveEntityTagset({ tagset: tagsetOf(draft), expectedFileHash: info.fileHash, replaceMalformed: replaceMalformed || undefined });
    setSaving(false);
    if (!result.ok) {
      // A 'corpus-locked' detail is the holder as JSON, for programs; its message already names the holder.
      const detail = result.error.code === 'corpus-locked' ? undefined : result.error.detail;
      setError(detail ? `${errorWords(result.error)} ${detail}` : errorWords(result.error));
      return;
    }
    setInfo(result.value);
    setDraft(draftOf(result.value.tagset));
    setReplaceMalformed(false);
    setSaved(true);
    onSaved?.(result.value);
  };

  const malformed = info?.problem ?? null;
  return (
    <Modal title={t('tagset.title')} onCancel={() => !saving && onClose()} className="tagset-dialog">
      {!info && !error && <p role="status">{t('tagset.loading')}</p>}
      {info && (
        <>
          <p>{info.origin === 'file' ? t('tagset.file') : malformed ? null : t('tagset.default')}</p>
          {malformed && (
            <div role="alert" className="error">
              <p>{t('tagset.malformed', { problem: errorWords(malformed) })}</p>
              <label>
                <input type="checkbox" checked={replaceMalformed} onChange={(event) => setReplaceMalformed(event.target.checked)} />
                {t('tagset.replaceMalformed')}
              </label>
            </div>
          )}
          <table className="tagset-table" aria-label={t('tagset.types')}>
            <thead>
              <tr>
                <th>{t('tagset.id')}</th>
                <th>{t('tagset.label')}</th>
                <th>{t('tagset.colour')}</th>
                <th>{t('tagset.key')}</th>
                <th>{t('tagset.used')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {draft.map((type, i) => {
                const name = type.id || '?';
                return (
                  <tr key={i}>
                    <td>
                      {type.isNew ? (
                        <input type="text" aria-label={t('tagset.idOfNew')} value={type.id} maxLength={32} onChange={(event) => edit(i, { id: event.target.value })} />
                      ) : (
                        <code>{type.id}</code>
                      )}
                    </td>
                    <td>
                      <input type="text" aria-label={t('tagset.labelOf', { id: name })} value={type.label} maxLength={40} onChange={(event) => edit(i, { label: event.target.value })} />
                    </td>
                    <td>
                      <input type="color" aria-label={t('tagset.colourOf', { id: name })} value={type.colour.toLowerCase()} onChange={(event) => edit(i, { colour: event.target.value })} />
                    </td>
                    <td>
                      <input
                        type="text"
                        className="tagset-key"
                        aria-label={t('tagset.keyOf', { id: name })}
                        value={type.key}
                        maxLength={1}
                        onChange={(event) => edit(i, { key: event.target.value.toLowerCase() })}
                      />
                    </td>
                    <td>{counts.get(type.id) ?? 0}</td>
                    <td>
                      {i > 0 && (
                        <button type="button" aria-label={t('tagset.moveUp', { id: name })} title={t('tagset.moveUp', { id: name })} onClick={() => moveUp(i)}>↑</button>
                      )}
                      {/* A stored type that spans use is not removable here: its spans would turn unknown. */}
                      {(type.isNew || !counts.has(type.id)) && draft.length > 1 && (
                        <button type="button" aria-label={t('tagset.remove', { id: name })} title={t('tagset.remove', { id: name })} onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}>×</button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p>
            <button type="button" onClick={() => setDraft((d) => withNewType(d))}>{t('tagset.add')}</button>
          </p>
          <section className="tagset-unknown" aria-label={t('tagset.unknownTitle')}>
            <h3>{t('tagset.unknownTitle')}</h3>
            {unknown.length === 0 ? (
              <p>{t('tagset.unknownNone')}</p>
            ) : (
              <ul>
                {unknown.map((u) => (
                  <li key={u.type}>
                    <code>{u.type}</code> ({u.count}){' '}
                    <button type="button" onClick={() => setDraft((d) => withNewType(d, u.type, u.type))}>{t('tagset.addUnknown', { id: u.type })}</button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {problems.length > 0 && (
            <div role="alert" className="tagset-problems">
              <p>{t('tagset.problems')}</p>
              <ul>{problems.map((p, i) => <li key={i}>{t(`reason.${p.id}`, p.values)}</li>)}</ul>
            </div>
          )}
        </>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      {saved && <p role="status">{t('tagset.saved')}</p>}
      <div className="modal-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void save()}
          disabled={!info || saving || problems.length > 0 || (malformed !== null && !replaceMalformed)}
        >
          {t('tagset.save')}
        </button>
        <button type="button" onClick={onClose} disabled={saving}>{t('tagset.cancel')}</button>
      </div>
    </Modal>
  );
}
