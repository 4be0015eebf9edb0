import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { Session } from './auth';

export interface OidcSettings {
  readonly authority: string;
  readonly clientId: string;
  readonly audience: string;
}

/** The organisation's OIDC provider: authorization code flow with PKCE, the web app as a public client. */
export function userManager(settings: OidcSettings): UserManager {
  return new UserManager({
    authority: settings.authority,
    client_id: settings.clientId,
    redirect_uri: `${window.location.origin}/signed-in`,
    response_type: 'code',
    scope: 'openid profile',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

export async function oidcSettings(): Promise<OidcSettings | null> {
  const response = await fetch('/auth/config');
  if (!response.ok) throw new Error(response.statusText);
  return ((await response.json()) as { oidc: OidcSettings | null }).oidc;
}

/** Completes the sign-in the provider redirected back with: the access token is what the api verifies. */
export async function completeSignIn(): Promise<Session> {
  const settings = await oidcSettings();
  if (!settings) throw new Error('No sign-in provider is configured.');
  const user = await userManager(settings).signinRedirectCallback();
  const name = typeof user.profile.name === 'string' ? user.profile.name : user.profile.sub;
  return { token: user.access_token, subject: user.profile.sub, displayName: name };
}
