import { useContext, useEffect, useReducer, useRef, useState } from 'react';
import { redo, undo } from 'prosemirror-history';
import type { EditorView } from 'prosemirror-view';
import { BATCH_MODES, type BatchMode, type Language } from '../../shared/ipc/contract';
import { errorWords } from '../i18n/error-words';
import { LanguageContext, useT } from '../i18n/LanguageContext';
import { regexReasonWords } from '../i18n/regex-reasons';
import { replaceAll, replaceCurrent, setFindQuery, stepFind } from './find-commands';
import { findStateOf, onFindChange } from './find-plugin';
import { compileFind, type FindProblem } from './find-query';
import { revealCurrent } from './reveal';
import './find.css';

/// Props of `FindBar`.
export interface FindBarProps {
  /// The open page's editor view (null while none is mounted).
  getView(): EditorView | null;
  /// Identity of the open page's editor; a new one gets the query again.
  pageKey: string;
  readOnly: boolean;
  /// Whether the replace row is shown (Ctrl+H) or only find (Ctrl+F).
  replace: boolean;
  /// Changes each time the bar is asked for again: the find field is focused and selected, and takes `seed`.
  focusToken: number;
  /// Text to look for, from the editor's selection when the bar was asked for.
  seed: string | null;
  onClose(): void;
}

/// The find (and replace) bar over the page text.
///
/// Modes as in the corpus-wide batch (plain text, one character, regular expression with the `u` flag); every hit
/// is highlighted in the text, with a count "3 / 17". Enter and Shift+Enter (F3 and Shift+F3 anywhere) step to the
/// next and previous hit; Replace changes the current hit, Replace all every hit in one step that one Ctrl+Z
/// undoes. Escape closes the bar and returns to the text.
export function FindBar({ getView, pageKey, readOnly, replace, focusToken, seed, onClose }: FindBarProps) {
  const t = useT();
  const language = useContext(LanguageContext);
  const [pattern, setPattern] = useState(seed ?? '');
  const [replacement, setReplacement] = useState('');
  const [mode, setMode] = useState<BatchMode>('plain');
  const [problem, setProblem] = useState<FindProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const findInput = useRef<HTMLInputElement>(null);
  // True from a replacement until the fields are typed in: Ctrl+Z in the bar then undoes the replacement in the
  // page (as the notice says) instead of the last keystroke in the field.
  const replacedLast = useRef(false);

  useEffect(() => {
    if (seed) setPattern(seed);
    findInput.current?.focus();
    findInput.current?.select();
  }, [focusToken, seed]);

  // Follow the editor: redraw the count when its find state changes; clear the highlights when the bar goes.
  useEffect(() => {
    const view = getView();
    if (view === null) return;
    const off = onFindChange(view, redraw);
    return () => {
      off();
      if (!view.isDestroyed) setFindQuery(view, null);
    };
  }, [getView, pageKey]);

  // Search shortly after the last keystroke in the fields, and on every newly opened page.
  useEffect(() => {
    const timer = setTimeout(() => {
      const view = getView();
      const compiled = compileFind({ mode, pattern, replacement });
      setProblem(compiled.ok ? null : compiled.problem);
      setNotice(null);
      if (view !== null && !view.isDestroyed) setFindQuery(view, compiled.ok ? compiled.value : null);
    }, 120);
    return () => clearTimeout(timer);
  }, [getView, pageKey, mode, pattern, replacement]);

  const view = getView();
  const find = view && !view.isDestroyed ? findStateOf(view.state) : null;
  const total = find?.matches.length ?? 0;
  const count = find?.query == null ? '' : total === 0 ? t('find.none') : t('find.count', { current: find.current + 1, total });
  const step = (direction: 1 | -1) => {
    const v = getView();
    if (v !== null && stepFind(v, direction)) revealCurrent(v);
  };
  const replaceOne = () => {
    const v = getView();
    if (v === null || readOnly) return;
    setNotice(null);
    if (replaceCurrent(v)) revealCurrent(v);
    replacedLast.current = true;
    if (findStateOf(v.state).matches.length === 0) findInput.current?.focus();
  };
  const replaceEvery = () => {
    const v = getView();
    if (v === null || readOnly) return;
    const replaced = replaceAll(v);
    replacedLast.current = replaced > 0;
    // The buttons go disabled with no hits left; the find field keeps the focus (and Escape) in the bar.
    findInput.current?.focus();
    setNotice(replaced > 0 ? t('find.replaced', { count: replaced }) : t('find.nothingToReplace'));
  };

  return (
    <div
      role="search"
      aria-label={t('find.bar')}
      className="find-bar"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
          return;
        }
        const v = getView();
        const key = event.key.toLowerCase();
        if (!replacedLast.current || v === null || !(event.ctrlKey || event.metaKey) || event.altKey || (key !== 'z' && key !== 'y')) return;
        event.preventDefault();
        if (key === 'z' && !event.shiftKey) undo(v.state, v.dispatch);
        else redo(v.state, v.dispatch);
      }}
    >
      <div className="find-row">
        <input
          ref={findInput}
          type="search"
          aria-label={t('find.find')}
          value={pattern}
          spellCheck={false}
          onChange={(event) => {
            replacedLast.current = false;
            setPattern(event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          }}
        />
        <select aria-label={t('find.mode')} value={mode} onChange={(event) => setMode(event.target.value as BatchMode)}>
          {BATCH_MODES.map((m) => (
            <option key={m} value={m}>{t(`batch.mode.${m}`)}</option>
          ))}
        </select>
        <span className="find-count" role="status" aria-live="polite">{count}</span>
        <button type="button" aria-label={t('find.previous')} title="Shift+F3" onClick={() => step(-1)} disabled={total === 0}>↑</button>
        <button type="button" aria-label={t('find.next')} title="F3" onClick={() => step(1)} disabled={total === 0}>↓</button>
        <button type="button" aria-label={t('find.close')} title="Escape" onClick={onClose}>×</button>
      </div>
      {replace && (
        <div className="find-row">
          <input
            type="text"
            aria-label={t('find.replaceWith')}
            value={replacement}
            spellCheck={false}
            disabled={readOnly}
            onChange={(event) => {
              replacedLast.current = false;
              setReplacement(event.target.value.replace(/[\r\n]/g, ''));
            }}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              if (event.ctrlKey || event.metaKey) replaceEvery();
              else replaceOne();
            }}
          />
          <button type="button" onClick={replaceOne} disabled={readOnly || total === 0} title="Enter">{t('find.replaceOne')}</button>
          <button type="button" onClick={replaceEvery} disabled={readOnly || total === 0} title="Ctrl+Enter">{t('find.replaceAll')}</button>
        </div>
      )}
      {replace && readOnly && <p className="hint">{t('find.readOnly')}</p>}
      {problem && <p role="alert" className="error">{problemText(problem, t, language)}</p>}
      {notice && <p role="status" className="hint">{notice}</p>}
    </div>
  );
}

function problemText(problem: FindProblem, t: ReturnType<typeof useT>, language: Language): string {
  switch (problem.kind) {
    case 'one-character': return t('find.oneCharacter', { length: problem.length });
    case 'invalid-regex': return t('find.invalidRegex', { reason: regexReasonWords(language, problem.reason) });
    case 'replacement': return t('find.badReplacement', { message: errorWords(language, problem.error) });
  }
}
