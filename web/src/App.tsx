import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { createApi, type Api } from './api';
import { renew, signOut, type Viewer } from './auth';
import { I18n, translator, type Language } from './i18n';
import { ChairConsole } from './screens/ChairConsole';
import { MeetingView } from './screens/MeetingView';
import { SessionList } from './screens/SessionList';
import { SignIn } from './screens/SignIn';
import { LiveBadge } from './components/LiveBadge';

// The office and the reports are for a few people: their code loads when they open them, so the
// meeting's first screen does not carry it.
const Dashboard = lazy(() => import('./screens/Dashboard').then((m) => ({ default: m.Dashboard })));
const Office = lazy(() => import('./screens/Office').then((m) => ({ default: m.Office })));

/** `#/`, `#/meeting/<session id>`, `#/console/<session id>`, `#/office`, `#/reports`: a hash route needs nothing of the server. */
function useRoute(): string[] {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return hash.replace(/^#\/?/, '').split('/').filter(Boolean);
}

export function App() {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem('language') as Language) || 'en');
  const t = useMemo(() => translator(language), [language]);
  const [viewer, setViewer] = useState<Viewer | null | undefined>(undefined);
  const [api, setApi] = useState<Api | null>(null);
  const route = useRoute();

  useEffect(() => {
    renew().then(setViewer, () => setViewer(null));
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem('language', language);
  }, [language]);
  useEffect(() => {
    if (!viewer) return;
    const created = createApi(() => setViewer(null));
    setApi(created);
    return () => {
      void created.live.dispose();
      setApi(null);
    };
  }, [viewer]);

  const i18n = { t, language, setLanguage };
  return (
    <I18n.Provider value={i18n}>
      <header>
        <h1>
          <a href="#/">{t('appName')}</a>
        </h1>
        {viewer && (
          <nav aria-label={t('appName')}>
            <a href="#/">{t('navSessions')}</a> {viewer.role === 'OFFICER' && <a href="#/office">{t('office')}</a>} <a href="#/reports">{t('reports')}</a>
          </nav>
        )}
        {/* The socket opens with a meeting's subscriptions; other screens have none to show. */}
        {viewer && api && (route[0] === 'meeting' || route[0] === 'console') && <LiveBadge />}
        <label>
          {t('language')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)} style={{ color: '#1a1a1a' }}>
            <option value="en">English</option>
            <option value="bs">Bosanski</option>
          </select>
        </label>
        {viewer && (
          <>
            <span data-testid="viewer">{t('signedInAs', { name: viewer.name })}</span>
            <button onClick={() => void signOut().then(() => setViewer(null))}>{t('signOut')}</button>
          </>
        )}
      </header>
      <main>
        {viewer === undefined ? (
          <p>{t('loading')}</p>
        ) : viewer === null ? (
          <SignIn onSignedIn={setViewer} />
        ) : !api ? (
          <p>{t('loading')}</p>
        ) : (
          <Provider value={api.urql}>
            {route[0] === 'meeting' && route[1] ? (
              <MeetingView key={route[1]} sessionId={route[1]} viewer={viewer} />
            ) : route[0] === 'console' && route[1] ? (
              <ChairConsole key={route[1]} sessionId={route[1]} viewer={viewer} />
            ) : route[0] === 'office' ? (
              <Suspense fallback={<p>{t('loading')}</p>}>
                <Office />
              </Suspense>
            ) : route[0] === 'reports' ? (
              <Suspense fallback={<p>{t('loading')}</p>}>
                <Dashboard viewer={viewer} />
              </Suspense>
            ) : (
              <SessionList viewer={viewer} />
            )}
          </Provider>
        )}
      </main>
    </I18n.Provider>
  );
}
