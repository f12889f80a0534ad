import type { ReactNode } from 'react';
import { LANGUAGES, useI18n, type Language } from '../../lib/i18n/I18nProvider';

/** The signed-out pages' frame: the product, a language choice, one card. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  return (
    <main className="auth" id="main">
      <div className="auth-card">
        <p className="brand">wa-ops</p>
        <h1>{title}</h1>
        {children}
        <label className="language">
          <span>{t('nav.language')}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </main>
  );
}
