/** The signed-in participant's bearer token, for this browser tab only. */
const KEY = 'npa.token';

export interface Session {
  readonly token: string;
  readonly subject: string;
  readonly displayName: string;
}

export function currentSession(): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return undefined;
  }
}

export function signIn(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}
