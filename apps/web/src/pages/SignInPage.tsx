import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import { type Session, signIn } from '../auth';
import { type OidcSettings, completeSignIn, userManager } from '../oidc';

interface DemoParticipant {
  readonly participantId: string;
  readonly displayName: string;
  readonly roles: readonly { role: string; scope: string | null }[];
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { message?: string }).message ?? response.statusText);
  return (await response.json()) as T;
}

/** Sign-in: on a demonstration server (DEMO_LOGIN=true), pick one of the registered participants. */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useTranslation('signIn');
  const navigate = useNavigate();
  const client = useApolloClient();
  const [participants, setParticipants] = useState<DemoParticipant[] | 'off' | undefined>();
  const [oidc, setOidc] = useState<OidcSettings | null>(null);
  const [participantId, setParticipantId] = useState('');
  const [error, setError] = useState<string>();

  useEffect(() => {
    void fetch('/auth/config')
      .then((response) => json<{ demoLogin: boolean; oidc: OidcSettings | null }>(response))
      .then(async (config) => {
        setOidc(config.oidc);
        return config.demoLogin ? json<DemoParticipant[]>(await fetch('/auth/demo-participants')) : ('off' as const);
      })
      .then(setParticipants, (e: Error) => setError(e.message));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const session = await json<Session>(
        await fetch('/auth/demo-login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ participantId }) }),
      );
      signIn(session);
      onSignedIn(session);
      await client.resetStore();
      await navigate('/');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section aria-labelledby="sign-in-heading" className="narrow">
      <h1 id="sign-in-heading">{t('heading')}</h1>
      {error && (
        <p role="alert" className="error">
          {t('failed', { message: error })}
        </p>
      )}
      {oidc && (
        <p>
          <button type="button" onClick={() => void userManager(oidc).signinRedirect().catch((e: Error) => setError(e.message))}>
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
    </section>
  );
}

/** Where the provider sends the browser back: finishes the sign-in, then goes to the plans. */
export function SignedInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useTranslation('signIn');
  const navigate = useNavigate();
  const client = useApolloClient();
  const [error, setError] = useState<string>();
  useEffect(() => {
    completeSignIn().then(
      async (session) => {
        signIn(session);
        onSignedIn(session);
        await client.resetStore();
        await navigate('/', { replace: true });
      },
      (e: Error) => setError(e.message),
    );
  }, []); // once: the code in this address can be redeemed only once
  return error ? (
    <p role="alert" className="error">
      {t('failed', { message: error })}
    </p>
  ) : (
    <p role="status">{t('completing')}</p>
  );
}
