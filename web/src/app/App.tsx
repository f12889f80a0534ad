import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { whenSignedOut } from '../lib/api/client';
import { I18nProvider, useI18n } from '../lib/i18n/I18nProvider';
import { queryClient } from '../lib/queryClient';
import { EventStream } from './events/EventStream';
import { Layout } from './Layout';
import { PAGES } from './pages';
import { SESSION_KEY, useSession } from './session/useSession';

const SignInPage = lazy(() => import('../features/auth/SignInPage'));
const SetupPage = lazy(() => import('../features/auth/SetupPage'));

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Routes />
      </I18nProvider>
    </QueryClientProvider>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <p className="page-loading" role="status">
      {t('common.loading')}
    </p>
  );
}

function Routes() {
  const session = useSession();
  const [location, navigate] = useLocation();
  // Any 401 outside sign-in means the session ended elsewhere (signed out, revoked, expired).
  useEffect(() => whenSignedOut(() => queryClient.setQueryData(SESSION_KEY, null)), []);
  useEffect(() => {
    if (session.data === null && location !== '/sign-in' && location !== '/setup') navigate('/sign-in');
  }, [session.data, location, navigate]);
  if (session.isPending) return <Loading />;
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/sign-in">{session.data ? <Redirect to="/" /> : <SignInPage />}</Route>
        <Route path="/setup" component={SetupPage} />
        <Route>{session.data ? <SignedInRoutes role={session.data.user.role} /> : <Loading />}</Route>
      </Switch>
    </Suspense>
  );
}

function SignedInRoutes({ role }: { role: string }) {
  const pages = PAGES.filter((p) => p.roles.includes(role));
  return (
    <EventStream>
      <Layout pages={pages}>
        <Suspense fallback={<Loading />}>
          <Switch>
            {pages.map((p) => (
              <Route key={p.path} path={p.path} nest={p.nest} component={p.component} />
            ))}
            <Route path="/">
              <Redirect to={pages[0]?.path ?? '/settings'} />
            </Route>
            <Route>
              <NotFound />
            </Route>
          </Switch>
        </Suspense>
      </Layout>
    </EventStream>
  );
}

function NotFound() {
  const { t } = useI18n();
  return <h1>{t('common.notFound')}</h1>;
}
