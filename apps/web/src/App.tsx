import { Component, type ReactNode, Suspense, lazy, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import { currentSession, signOut } from './auth';
import { LANGUAGES, type Language } from './i18n';
import { Page } from './components/Page';
import { PlansPage } from './pages/PlansPage';
import { DemoCalendarNotice } from './platform-date';
import { loadPlanDashboard, preloads } from './preload';
import { useUnreadCount } from './notifications';
import { useViewer } from './viewer';

// Each page but the first screen is its own chunk, fetched when the reader first goes there (charts come only with the
// pages that draw them).
const PlanDashboard = lazy(() => loadPlanDashboard().then((m) => ({ default: m.PlanDashboard })));
const ModerationPage = lazy(() => import('./pages/ModerationPage').then((m) => ({ default: m.ModerationPage })));
const CommitmentPage = lazy(() => import('./pages/CommitmentPage').then((m) => ({ default: m.CommitmentPage })));
const DiscussionPage = lazy(() => import('./pages/DiscussionPage').then((m) => ({ default: m.DiscussionPage })));
const WorkspacePage = lazy(() => import('./pages/WorkspacePage').then((m) => ({ default: m.WorkspacePage })));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const AdminPage = lazy(() => import('./pages/admin/AdminPage').then((m) => ({ default: m.AdminPage })));
const SignInPage = lazy(() => import('./pages/SignInPage').then((m) => ({ default: m.SignInPage })));
const SignedInPage = lazy(() => import('./pages/SignInPage').then((m) => ({ default: m.SignedInPage })));

function Loading() {
  const { t } = useTranslation('common');
  return <p role="status">{t('app.loading')}</p>;
}

function PageUnavailable({ unreachable }: { unreachable: boolean }) {
  const { t } = useTranslation('common');
  return (
    <Page title={t('app.unavailableTitle')}>
      <div role="alert" className="notice error-notice">
        <p className="error">{t(unreachable ? 'query.UNREACHABLE' : 'query.INTERNAL')}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('query.reload')}
        </button>
      </div>
    </Page>
  );
}

/** The browser's words when a page's code could not be fetched (Chromium, Firefox, Safari). */
const CHUNK_FAILED = /dynamically imported module|importing a module script failed|error loading dynamically|failed to fetch/i;

/**
 * A page whose code could not be fetched (the connection or the server is down), or that failed to show: said so in
 * the reader's language, with a way to try again (a reload, which fetches the page's code anew).
 */
class PageBoundary extends Component<{ children: ReactNode }, { failed: false | { unreachable: boolean } }> {
  override state: { failed: false | { unreachable: boolean } } = { failed: false };
  static getDerivedStateFromError(error: unknown) {
    return { failed: { unreachable: error instanceof Error && CHUNK_FAILED.test(error.message) } };
  }
  override render() {
    return this.state.failed ? <PageUnavailable unreachable={this.state.failed.unreachable} /> : this.props.children;
  }
}

function NotFound() {
  const { t } = useTranslation('common');
  return (
    <Page title={t('app.notFoundTitle')}>
      <p>{t('app.notFound')}</p>
      <p>
        <Link to="/">{t('app.backToPlans')}</Link>
      </p>
    </Page>
  );
}

/** The bell: a link to the notifications, saying how many are unread (asked only once someone is signed in). */
function Bell() {
  const { t } = useTranslation('notifications');
  const unread = useUnreadCount(true);
  // Its name is what it shows ("Notifications 3 unread"): the count is visible, the word "unread" is for screen readers.
  return (
    <Link to="/notifications" className="bell">
      <span aria-hidden="true">🔔 </span>
      {t('bell')}
      {unread ? (
        <span className="count">
          {unread}
          <span className="visually-hidden"> {t('unreadCount', { count: unread })}</span>
        </span>
      ) : null}
    </Link>
  );
}

/** The Administration page, in the header for administrators only (asked only once someone is signed in). */
function AdminLink() {
  const { t } = useTranslation();
  const { isAdmin } = useViewer();
  return isAdmin ? <Link to="/admin">{t('nav.admin')}</Link> : null;
}

export function App() {
  const { t, i18n } = useTranslation();
  const [session, setSession] = useState(currentSession);
  const client = useApolloClient();
  const navigate = useNavigate();
  const location = useLocation();
  // What the app asked for the page it opened on is for that page only.
  const opened = useRef(location.key);
  useEffect(() => {
    if (location.key !== opened.current) preloads.clear();
  }, [location.key]);

  const leave = async () => {
    signOut();
    setSession(undefined);
    await client.resetStore();
    await navigate('/');
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          {t('app.title')}
        </Link>
        <nav aria-label={t('app.navigation')}>
          <Link to="/">{t('nav.plans')}</Link>
          {session && <Link to="/workspace">{t('nav.workspace')}</Link>}
          {session && <Bell />}
          {session && <AdminLink />}
          {session ? (
            <>
              <span className="signed-in">{t('nav.signedInAs', { name: session.displayName })}</span>
              <button type="button" onClick={() => void leave()}>
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <Link to="/sign-in">{t('nav.signIn')}</Link>
          )}
          <label className="language">
            <span>{t('app.language')}</span>
            <select value={i18n.resolvedLanguage ?? i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
              {(Object.keys(LANGUAGES) as Language[]).map((code) => (
                <option key={code} value={code} lang={code}>
                  {LANGUAGES[code]}
                </option>
              ))}
            </select>
          </label>
        </nav>
        <DemoCalendarNotice />
      </header>
      <main id="main" tabIndex={-1}>
        {/* Keyed by the address: every navigation mounts the new page, whose heading takes the focus (components/Page). */}
        <PageBoundary key={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Routes location={location}>
              <Route path="/" element={<PlansPage />} />
              <Route path="/plans/:planId" element={<PlanDashboard />} />
              <Route path="/plans/:planId/moderation" element={<ModerationPage />} />
              <Route path="/commitments/:commitmentId" element={<CommitmentPage />} />
              <Route path="/milestones/:milestoneId" element={<DiscussionPage />} />
              <Route path="/workspace" element={<WorkspacePage />} />
              <Route path="/notifications" element={<NotificationsPage />} />
              <Route path="/admin" element={<AdminPage />} />
              <Route path="/sign-in" element={<SignInPage onSignedIn={setSession} />} />
              <Route path="/signed-in" element={<SignedInPage onSignedIn={setSession} />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </PageBoundary>
      </main>
    </>
  );
}
