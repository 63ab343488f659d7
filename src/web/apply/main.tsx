import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { setApiLocale } from '../app/api/client.js';
import { type Locale, storedLocale, storeLocale } from '../app/i18n/locale.js';
import { ApplyPage } from './ApplyPage.js';
import { applyT } from './i18n.js';
import './apply.css';

/**
 * The public application form's own entry (apply.html, served for /apply/:token): React and this page
 * only — no router, no session, no component library, no other screen's words — so a worker's phone on a
 * slow link can fill it in within seconds of scanning the poster.
 */
function applyLocale(locale: Locale) {
  document.documentElement.lang = locale;
  setApiLocale(locale);
  storeLocale(locale);
}

function ApplyApp() {
  const [locale, setLocale] = useState<Locale>(() => {
    const initial = storedLocale();
    applyLocale(initial);
    return initial;
  });
  const t = applyT(locale);
  const token = decodeURIComponent(window.location.pathname.replace(/^\/apply\//, '').split('/')[0] ?? '');
  const choose = (next: Locale) => {
    applyLocale(next);
    setLocale(next);
  };
  const header = (
    <header className="apply-top">
      <span className="apply-union">{t('apply.union')}</span>
      <fieldset className="apply-lang" aria-label={t('apply.lang')} data-testid="lang-switch">
        {(['vi', 'en'] as const).map((l) => (
          <button key={l} type="button" lang={l} aria-pressed={locale === l} onClick={() => choose(l)}>
            {l.toUpperCase()}
          </button>
        ))}
      </fieldset>
    </header>
  );
  return <ApplyPage t={t} locale={locale} token={token} header={header} />;
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from apply.html');
createRoot(root).render(
  <StrictMode>
    <ApplyApp />
  </StrictMode>,
);
