import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language, type Namespace } from './resources';

export { LANGUAGES, type Language, type Namespace } from './resources';

const STORAGE_KEY = 'bedriftsbillett.language';

/**
 * One lazily imported module per language and namespace (`./locales/nb/order.json` → its own
 * hashed chunk), so the order page on a bokmål phone fetches `common` and `order` in bokmål and
 * nothing else (issue 17 item 6).
 */
const TEXT_FILES = import.meta.glob<{ default: ResourceKey }>('./locales/*/*.json');

/** The i18next backend that reads a namespace's texts from its chunk. */
const chunkBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = TEXT_FILES[`./locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`No texts for ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      // A failed chunk (offline, new release) may be retried: i18next retries a few times.
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), true),
    );
  },
};

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.find((l) => l === saved) ?? DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
});

/**
 * Resolves once the shared `common` texts of the chosen language are loaded: the app renders
 * after it, so no key or untranslated text ever shows. Only the current language is loaded (no
 * fallback language: every key exists in both, see locales.test.ts); switching language loads the
 * namespaces in use in the new language before anything re-renders in it.
 */
export const i18nReady = i18n
  .use(chunkBackend)
  .use(initReactI18next)
  .init({
    lng: storedLanguage(),
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });

/** Starts loading a surface's namespaces in the current language (resolves when they are in). */
export function loadNamespaces(namespaces: readonly Namespace[]): Promise<void> {
  return i18nReady.then(() => i18n.loadNamespaces([...namespaces]));
}

export function currentLanguage(): Language {
  return LANGUAGES.find((l) => l === i18n.resolvedLanguage) ?? DEFAULT_LANGUAGE;
}

export default i18n;
