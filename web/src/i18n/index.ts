import { createContext, useContext } from 'react';
import { bs } from './bs';
import { en, type Catalogue, type MessageKey } from './en';

export const catalogues: Record<'en' | 'bs', Catalogue> = { en, bs };
export type Language = keyof typeof catalogues;

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, values) => catalogue[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''));
}

/** A key built from an enum value (`rec_ADMIT`), for the catalogue's enum labels. */
export const keyOf = (prefix: string, value: string) => `${prefix}_${value}` as MessageKey;

export const I18n = createContext<{ t: Translate; language: Language; setLanguage(language: Language): void }>({
  t: translator('en'),
  language: 'en',
  setLanguage: () => {},
});
export const useT = () => useContext(I18n).t;
