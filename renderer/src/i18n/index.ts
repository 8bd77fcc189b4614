import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { tr } from './tr';

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('masa.lang') : null;

// i18next: plural rules, interpolation and the React binding in one well-kept package.
void i18n.use(initReactI18next).init({
  resources: { tr: { translation: tr }, en: { translation: en } },
  lng: saved === 'en' ? 'en' : 'tr',
  fallbackLng: 'tr',
  interpolation: { escapeValue: false },
});

/** Switches the language and keeps <html lang> in step (CSS upper-casing of i/İ depends on it). */
export function setLanguage(lang: 'tr' | 'en'): void {
  void i18n.changeLanguage(lang);
  localStorage.setItem('masa.lang', lang);
  document.documentElement.lang = lang;
}

document.documentElement.lang = i18n.language === 'en' ? 'en' : 'tr';

export default i18n;
