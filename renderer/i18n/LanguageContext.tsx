import { createContext, useContext } from 'react';
import type { Language } from '../../shared/ipc/contract';
import { translate, type MessageKey } from './messages';

/// The current UI language, provided at the top of the app.
export const LanguageContext = createContext<Language>('en');

/// Returns a translate function bound to the current language.
export function useT(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const language = useContext(LanguageContext);
  return (key, values) => translate(language, key, values);
}
