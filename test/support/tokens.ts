import { devTokenSecret, loadConfig, signDevToken } from '#platform';

/** A dev token for `subject`, signed with the secret the api keeps in `dataDir` (as `npm run cli -- token` does). */
export function tokenFor(dataDir: string, subject: string): Promise<string> {
  return signDevToken(devTokenSecret(loadConfig({ DATA_DIR: dataDir })), { subject });
}
