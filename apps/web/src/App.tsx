import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import { currentSession, signOut } from './auth';
import { LANGUAGES, type Language } from './i18n';
import { PlansPage } from './pages/PlansPage';
import { PlanDashboard } from './pages/PlanDashboard';
import { SignInPage, SignedInPage } from './pages/SignInPage';
import { CommitmentPage } from './pages/CommitmentPage';
import { DiscussionPage } from './pages/DiscussionPage';
import { ModerationPage } from './pages/ModerationPage';
import { WorkspacePage } from './pages/WorkspacePage';

export function App() {
  const { t, i18n } = useTranslation();
  const [session, setSession] = useState(currentSession);
  const client = useApolloClient();
  const navigate = useNavigate();

  const leave = () => {
    signOut();
    setSession(undefined);
    void client.resetStore();
    void navigate('/');
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
          {session ? (
            <>
              <span className="signed-in">{t('nav.signedInAs', { name: session.displayName })}</span>
              <button type="button" onClick={leave}>
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <Link to="/sign-in">{t('nav.signIn')}</Link>
          )}
          <label className="language">
            <span>{t('app.language')}</span>
            <select value={i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
              {(Object.keys(LANGUAGES) as Language[]).map((code) => (
                <option key={code} value={code}>
                  {LANGUAGES[code]}
                </option>
              ))}
            </select>
          </label>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<PlansPage />} />
          <Route path="/plans/:planId" element={<PlanDashboard />} />
          <Route path="/plans/:planId/moderation" element={<ModerationPage />} />
          <Route path="/commitments/:commitmentId" element={<CommitmentPage />} />
          <Route path="/milestones/:milestoneId" element={<DiscussionPage />} />
          <Route path="/workspace" element={<WorkspacePage />} />
          <Route path="/sign-in" element={<SignInPage onSignedIn={setSession} />} />
          <Route path="/signed-in" element={<SignedInPage onSignedIn={setSession} />} />
          <Route path="*" element={<p>{t('app.notFound')}</p>} />
        </Routes>
      </main>
    </>
  );
}
