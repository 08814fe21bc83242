/* The page's language and its words: French or English, the visitor's choice kept in localStorage, else the
   browser's. The words themselves are in ../i18n/, one file a language. */
import fr from '../i18n/fr.js';
import en from '../i18n/en.js';

const LANG_KEY = 'greffe.lang';
const WORDS = { fr: fr, en: en };

/** 'fr' or 'en'; importers see it change when switchLang() runs. */
export let lang = initialLang();

function initialLang() {
  let saved = null;
  try { saved = localStorage.getItem(LANG_KEY); } catch (e) { /* storage off */ }
  if (saved === 'fr' || saved === 'en') { return saved; }
  return (navigator.language || 'en').toLowerCase().indexOf('fr') === 0 ? 'fr' : 'en';
}

export function switchLang() {
  lang = lang === 'fr' ? 'en' : 'fr';
  try { localStorage.setItem(LANG_KEY, lang); } catch (e) { /* storage off */ }
}

/** The text for key in the page's language, {0}, {1}… replaced by args; the key itself when it has no text. */
export function t(key, ...args) {
  return translator(lang)(key, ...args);
}

/** t for a given language, whichever the page's is: for words built by a pure function of the language. */
export function translator(language) {
  const words = WORDS[language] || WORDS.en;
  return (key, ...args) => {
    let text = words[key];
    if (text === undefined) { text = key; }
    return text.replace(/\{(\d)\}/g, (m, i) => args[i]);
  };
}
