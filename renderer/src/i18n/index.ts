// i18next with the dashboard's two languages. The choice is remembered per browser; the first visit
// follows the browser's language. Labels of SimplyPrint events come from the catalogue instead.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { ru } from './ru.js';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'farmhook.lang';

export function initialLanguage(stored: string | null, browser: string | undefined): Language {
  if (stored === 'en' || stored === 'ru') return stored;
  return browser?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setupI18n(language: Language = initialLanguage(storedLanguage(), globalThis.navigator?.language)) {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    try {
      localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      // private mode: the choice lasts for this page only
    }
  });
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return instance;
}
