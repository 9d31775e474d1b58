import { createContext, useCallback, useContext, useEffect, useRef } from 'react';
import type { Language } from '../../shared/ipc/contract';
import { errorWords, type WordedError } from './error-words';
import { formatDateTime, formatNumber, formatTime } from './format';
import { translate, type MessageKey } from './messages';

/// The current UI language, provided at the top of the app.
export const LanguageContext = createContext<Language>('en');

/// Returns a translate function bound to the current language.
export function useT(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const language = useContext(LanguageContext);
  return (key, values) => translate(language, key, values);
}

/// Returns a function wording a main-process error in the current language (see error-words.ts).
/// The function keeps its identity across renders (it reads the language when called), so effects may list it.
export function useErrorWords(): (error: WordedError) => string {
  const language = useContext(LanguageContext);
  const current = useRef(language);
  useEffect(() => {
    current.current = language;
  }, [language]);
  return useCallback((error: WordedError) => errorWords(current.current, error), []);
}

/// Date, time and number formatters bound to the current language (see format.ts).
export function useFormat(): { time: (v: string | number | Date) => string; dateTime: (v: string | number | Date) => string; number: (n: number, digits?: number) => string } {
  const language = useContext(LanguageContext);
  return {
    time: (v) => formatTime(language, v),
    dateTime: (v) => formatDateTime(language, v),
    number: (n, digits) => formatNumber(language, n, digits),
  };
}
