import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** Where `npm run build` puts the web app, relative to the compiled api (dist/apps/api/src/). */
export const WEB_ROOT = fileURLToPath(new URL('../../../../web/', import.meta.url));
const API_PATHS = /^\/(graphql|health|metrics|auth)(\/|$)/;

/**
 * Serves the web app at `/`: its built files, and its index page for any other page address it routes itself
 * (`/plans/…`), so a reload or a shared link works. The api's own paths are never shadowed.
 */
export function serveWebApp(app: NestExpressApplication, logger: Logger): void {
  const index = join(WEB_ROOT, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ webRoot: WEB_ROOT }, 'the web app is not built (npm run build): only the api is served');
    return;
  }
  app.useStaticAssets(WEB_ROOT, { index: 'index.html', maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.sendFile(index);
  });
}
