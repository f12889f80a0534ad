import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { Button } from '../components/ui/Button';
import { LANGUAGES, useI18n, type Language } from '../lib/i18n/I18nProvider';
import { useStreamState } from './events/EventStream';
import type { PageEntry } from './pages';
import { useSession, useSignOut } from './session/useSession';

/** The shell: navigation (a disclosure menu on a phone), who is signed in, language, sign-out. */
export function Layout({ pages, children }: { pages: PageEntry[]; children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const session = useSession().data;
  const signOut = useSignOut();
  const [location] = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const stream = useStreamState();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">wa-ops</span>
        <span className="tenant">{session?.tenant.name}</span>
        <span className={`stream stream-${stream}`} role="status">
          {t(`stream.${stream}`)}
        </span>
        <Button
          variant="ghost"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('nav.menu')}
        </Button>
      </header>
      <nav id="main-nav" aria-label={t('nav.label')} className={menuOpen ? 'nav open' : 'nav'}>
        <ul>
          {pages.map((p) => {
            const current = location === p.path || location.startsWith(`${p.path}/`);
            return (
              <li key={p.path}>
                <Link
                  href={p.path}
                  aria-current={current ? 'page' : undefined}
                  onClick={() => setMenuOpen(false)}
                >
                  {t(p.title)}
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="nav-footer">
          <p className="who">
            {session?.user.name}
            <span className="muted"> · {t(`role.${session?.user.role ?? 'sales'}`)}</span>
          </p>
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
          <Button onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            {t('nav.signOut')}
          </Button>
        </div>
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
