// Page text from the service's message bundles (Chinese first, English on request).
let messages = {};
let language = localStorage.getItem('lifecircle.lang') || 'zh';

export function currentLanguage() {
  return language;
}

export async function loadLanguage(lang) {
  const response = await fetch(`/api/ui/messages/${lang}`);
  if (!response.ok) throw new Error(`messages ${lang}: HTTP ${response.status}`);
  messages = await response.json();
  language = lang;
  localStorage.setItem('lifecircle.lang', lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  // Controls without visible text of their own: a title and an accessible name.
  document.querySelectorAll('[data-i18n-title]').forEach((element) => {
    element.title = t(element.dataset.i18nTitle);
    element.setAttribute('aria-label', element.title);
  });
  document.title = `${t('app.title')} · lifecircle`;
}

/** The text of a key with {0}, {1}… replaced; the key itself when missing, so gaps show. */
export function t(key, ...args) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

const formatters = {};
/** A number with thousands separators in the page's language. */
export function formatNumber(value, fractionDigits = 0) {
  const key = `${language}:${fractionDigits}`;
  formatters[key] ??= new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    maximumFractionDigits: fractionDigits,
    minimumFractionDigits: fractionDigits,
  });
  return value === null || value === undefined ? '–' : formatters[key].format(value);
}

/** Facility type name in the page's language. */
export function typeName(type) {
  return language === 'zh' ? type.nameZh : type.nameEn;
}
