import { useEffect, useState } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import { ignoreKey, type IgnoreEntry, type IgnoreList, type IgnoreTarget } from '../../shared/learning/ignore-list';
import { useErrorWords, useFormat, useT } from '../i18n/LanguageContext';

/// The corpus's "always ignore" list in the corpus settings: every entry (kind, rule, string, type or
/// replacement, when added), each with Remove; a removal can be undone from the status line.
///
/// `onChanged` receives the list after each change, so the open page's suggestions follow at once.
export function IgnoreListSection({ api, onChanged }: { api: Pick<JiaoduiApi, 'ignoreList' | 'addIgnore' | 'removeIgnore'>; onChanged?(entries: readonly IgnoreEntry[]): void }) {
  const t = useT();
  const format = useFormat();
  const errorWords = useErrorWords();
  const [entries, setEntries] = useState<IgnoreEntry[] | null>(null);
  const [problem, setProblem] = useState<IgnoreList['problem']>(null);
  const [error, setError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<IgnoreTarget | null>(null);

  useEffect(() => {
    let live = true;
    void api.ignoreList().then((result) => {
      if (!live) return;
      if (!result.ok) return setError(errorWords(result.error));
      setEntries(result.value.entries);
      setProblem(result.value.problem);
    });
    return () => {
      live = false;
    };
  }, [api, errorWords]);

  const change = async (run: () => ReturnType<JiaoduiApi['removeIgnore']>, after: IgnoreTarget | null) => {
    const result = await run();
    if (!result.ok) return setError(errorWords(result.error));
    setError(null);
    setEntries(result.value.entries);
    setProblem(result.value.problem);
    setRemoved(after);
    onChanged?.(result.value.entries);
  };

  return (
    <section className="ignore-list" aria-label={t('ignore.title')}>
      <h3>{t('ignore.title')}</h3>
      <p className="hint">{t('ignore.intro')}</p>
      {problem && <p role="alert" className="error">{t('ignore.problem', { message: errorWords(problem) })}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      <p role="status">
        {removed && (
          <>
            {t('ignore.removed', { text: visible(removed.text) })}{' '}
            <button type="button" onClick={() => void change(() => api.addIgnore(removed), null)}>{t('ignore.undoRemove')}</button>
          </>
        )}
      </p>
      {entries === null && !error && <p className="hint">{t('ignore.loading')}</p>}
      {entries?.length === 0 && <p className="hint">{t('ignore.none')}</p>}
      {entries && entries.length > 0 && (
        <table aria-label={t('ignore.title')}>
          <thead>
            <tr>
              <th scope="col">{t('ignore.kind')}</th>
              <th scope="col">{t('ignore.rule')}</th>
              <th scope="col">{t('ignore.string')}</th>
              <th scope="col">{t('ignore.typeOrReplacement')}</th>
              <th scope="col">{t('ignore.added')}</th>
              <th scope="col"><span className="visually-hidden">{t('ignore.remove')}</span></th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={ignoreKey(entry)}>
                <td>{t(`ignore.kind.${entry.kind}`)}</td>
                <td>{entry.rule}</td>
                <td>{visible(entry.text)}</td>
                <td>{entry.kind === 'entity' ? entry.type : visible(entry.replacement)}</td>
                <td>{format.dateTime(entry.added)}</td>
                <td>
                  <button type="button" aria-label={t('ignore.removeNamed', { text: `${visible(entry.text)} → ${entry.kind === 'entity' ? entry.type : visible(entry.replacement)}` })} onClick={() => void change(() => api.removeIgnore(targetOf(entry)), targetOf(entry))}>
                    {t('ignore.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

// The entry without its time, as ignore.add and ignore.remove take it.
function targetOf(entry: IgnoreEntry): IgnoreTarget {
  const { added: _added, ...target } = entry;
  return target;
}

// Spaces, line breaks and empty strings are invisible in a table: show them as symbols (as the review panel does).
function visible(text: string): string {
  return text === '' ? '∅' : text.replace(/ /g, '␣').replace(/\u3000/g, '□').replace(/\n/g, '↵');
}
