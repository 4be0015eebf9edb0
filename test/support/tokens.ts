import { devTokenSecret, loadConfig, signDevToken } from '#platform';

/** A dev token for `subject`, signed with the secret the api keeps in `dataDir` (as `npm run cli -- token` does). */
export function tokenFor(dataDir: string, subject: string): Promise<string> {
  return signDevToken(devTokenSecret(loadConfig({ DATA_DIR: dataDir })), { subject });
}

/** A dev token signed with an explicit `AUTH_DEV_SECRET`, shared by several api instances. */
export function tokenSignedWith(secret: string, subject: string): Promise<string> {
  return signDevToken(devTokenSecret(loadConfig({ AUTH_DEV_SECRET: secret })), { subject });
}
