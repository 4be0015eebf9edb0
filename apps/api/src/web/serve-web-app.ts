import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { projectRoot } from '../project-root.js';
import { inlineScriptHashes } from './security-headers.js';

/** Where `npm run build` puts the web app. */
export const WEB_ROOT = join(projectRoot(), 'dist', 'web');
const API_PATHS = /^\/(graphql|health|metrics|auth)(\/|$)/;
/** Vite's output whose names carry a hash of their content: a new build gives them new names. */
const HASHED = /^\/assets\//;
const FILE = /\.[a-z0-9]{1,8}$/i;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The index page names the current hashed files: a browser asks again each time (an unchanged one costs a 304). */
export const REVALIDATE = 'no-cache';

/** The hashes of the web app's inline scripts (its index page's first one sends the page's queries), if it is built. */
export function webAppInlineScripts(): string[] {
  const index = join(WEB_ROOT, 'index.html');
  return existsSync(index) ? inlineScriptHashes(readFileSync(index, 'utf8')) : [];
}

/**
 * Serves the web app at `/`: its built files, and its index page for any other page address it routes itself
 * (`/plans/…`), so a reload or a shared link works. The api's own paths are never shadowed.
 *
 * Every answer (the app's files and the api's JSON) is compressed when the browser accepts it (gzip, brotli or
 * deflate, by the `compression` middleware). Hashed files under `/assets/` are cached for a year as immutable; the
 * index page is revalidated on every visit, so a deployment reaches readers on their next page load.
 */
export function serveWebApp(app: NestExpressApplication, logger: Logger): void {
  app.use(compression());
  const index = join(WEB_ROOT, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ webRoot: WEB_ROOT }, 'the web app is not built (npm run build): only the api is served');
    return;
  }
  app.useStaticAssets(WEB_ROOT, {
    index: 'index.html',
    maxAge: '1h',
    setHeaders: (res: Response, path: string) => {
      if (path.startsWith(join(WEB_ROOT, 'assets'))) res.setHeader('Cache-Control', IMMUTABLE);
      else if (path.endsWith('.html')) res.setHeader('Cache-Control', REVALIDATE);
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path) || !req.accepts('html')) return next();
    // A file of an earlier build is gone, or a file that never was (favicon.ico): a 404, not the index page a
    // script, stylesheet or image could not use. The app's own addresses have no file extension.
    if (HASHED.test(req.path) || FILE.test(req.path)) return next();
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(index);
  });
}
