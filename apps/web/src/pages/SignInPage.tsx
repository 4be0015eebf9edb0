import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import { type Session, signIn } from '../auth';
import { type OidcSettings, completeSignIn, userManager } from '../oidc';
import { Page } from '../components/Page';

interface DemoParticipant {
  readonly participantId: string;
  readonly displayName: string;
  readonly roles: readonly { role: string; scope: string | null }[];
}

/** Why a sign-in step failed, as a key of the `signIn` namespace: never the server's or the browser's own words. */
type Failure = 'unreachable' | 'refused' | 'failed';

class Refused extends Error {}

async function json<T>(response: Response): Promise<T> {
  if (response.status >= 500) throw new TypeError(`answered ${response.status}`);
  if (!response.ok) throw new Refused(response.statusText);
  return (await response.json()) as T;
}

/** fetch rejects with a TypeError when the server cannot be reached; `json` does too on a server error. */
const failureOf = (error: unknown): Failure =>
  error instanceof TypeError ? 'unreachable' : error instanceof Refused ? 'refused' : 'failed';

function FailureAlert({ failure }: { failure: Failure | undefined }) {
  const { t } = useTranslation('signIn');
  if (!failure) return null;
  return (
    <p role="alert" className="error">
      {t(`failure.${failure}`)}
    </p>
  );
}

/** Sign-in: on a demonstration server (DEMO_LOGIN=true), pick one of the registered participants. */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useTranslation('signIn');
  const navigate = useNavigate();
  const client = useApolloClient();
  const [participants, setParticipants] = useState<DemoParticipant[] | 'off' | undefined>();
  const [oidc, setOidc] = useState<OidcSettings | null>(null);
  const [participantId, setParticipantId] = useState('');
  const [error, setError] = useState<Failure>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void fetch('/auth/config')
      .then((response) => json<{ demoLogin: boolean; oidc: OidcSettings | null }>(response))
      .then(async (config) => {
        setOidc(config.oidc);
        return config.demoLogin ? json<DemoParticipant[]>(await fetch('/auth/demo-participants')) : ('off' as const);
      })
      .then(
        (found) => {
          setError(undefined);
          setParticipants(found);
        },
        (e: unknown) => setError(failureOf(e)),
      );
  }, [attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const session = await json<Session>(
        await fetch('/auth/demo-login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ participantId }),
        }),
      );
      signIn(session);
      // The cache is emptied and read again with the token before the app learns of the session: a query the signed-in
      // header starts would otherwise be cut by the reset and keep its error.
      await client.resetStore();
      onSignedIn(session);
      await navigate('/');
    } catch (e) {
      setError(failureOf(e));
    }
  };

  return (
    <Page title={t('heading')} className="narrow">
      <FailureAlert failure={error} />
      {error && participants === undefined && !oidc && (
        <p>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('common:query.retry')}
          </button>
        </p>
      )}
      {oidc && (
        <p>
          <button
            type="button"
            onClick={() =>
              void userManager(oidc)
                .signinRedirect()
                .catch((e: unknown) => setError(failureOf(e)))
            }
          >
            {t('withProvider')}
          </button>
        </p>
      )}
      {participants === 'off' && !oidc && <p>{t('demoOff')}</p>}
      {Array.isArray(participants) && (
        <form onSubmit={(event) => void submit(event)}>
          <p>{t('demoIntro')}</p>
          <label htmlFor="participant">{t('participant')}</label>
          <select id="participant" required value={participantId} onChange={(event) => setParticipantId(event.target.value)}>
            <option value="">{t('choose')}</option>
            {participants.map((p) => (
              <option key={p.participantId} value={p.participantId}>
                {t('roles', { name: p.displayName, roles: p.roles.map((r) => r.role).join(', ') || t('noRole') })}
              </option>
            ))}
          </select>
          <button type="submit">{t('submit')}</button>
        </form>
      )}
    </Page>
  );
}

/** Where the provider sends the browser back: finishes the sign-in, then goes to the plans. */
export function SignedInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useTranslation('signIn');
  const navigate = useNavigate();
  const client = useApolloClient();
  const [error, setError] = useState<Failure>();
  useEffect(() => {
    completeSignIn().then(
      async (session) => {
        signIn(session);
        await client.resetStore();
        onSignedIn(session);
        await navigate('/', { replace: true });
      },
      (e: unknown) => setError(failureOf(e)),
    );
  }, []); // once: the code in this address can be redeemed only once
  return (
    <Page title={t('heading')} className="narrow">
      {error ? <FailureAlert failure={error} /> : <p role="status">{t('completing')}</p>}
    </Page>
  );
}
