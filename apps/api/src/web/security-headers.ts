import { createHash } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { PlatformConfig } from '#platform';

/** The OIDC provider's origin, when the web app signs in there (it fetches the provider's metadata and tokens). */
function signInOrigin(config: Pick<PlatformConfig, 'auth'>): string | undefined {
  if (config.auth.mode !== 'oidc' || !config.auth.webClientId) return undefined;
  try {
    return new URL(config.auth.issuer).origin;
  } catch {
    return undefined;
  }
}

/**
 * The Content-Security-Policy of everything the api serves: the web app (Vite's build: its own scripts, styles and
 * images only, and the index page's inline script by its hash, `inlineScripts`; no inline style) and the api's
 * answers. Nothing may frame it; it may only talk to itself, and to the OIDC provider when the web app signs in there
 * (metadata and token requests; an iframe for a silent renewal). No `upgrade-insecure-requests`: the api may be served
 * over plain HTTP on a loopback or private address.
 */
export function contentSecurityPolicy(
  config: Pick<PlatformConfig, 'auth'>,
  inlineScripts: readonly string[] = [],
): Record<string, string[]> {
  const provider = signInOrigin(config);
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'", ...(provider ? [provider] : [])],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'frame-src': provider ? [provider] : ["'none'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'", ...inlineScripts],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
  };
}

const serialize = (directives: Record<string, string[]>): string =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The inline scripts of a page, each as the hash a Content-Security-Policy allows it by. */
export const inlineScriptHashes = (html: string): string[] =>
  [...html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)].map((match) => sha256(match[1]!));

/**
 * The policy of the GraphiQL page (`GET /graphql` in a browser, outside production): the page's own inline scripts
 * by their hashes, and the scripts, stylesheets and fonts of the origins it loads them from (a CDN), inline styles,
 * and requests to the api only. Worked out from the page itself, so it fits whatever GraphiQL version is served.
 */
export function landingPagePolicy(html: string, config: Pick<PlatformConfig, 'auth'>): string {
  const inlineScripts = inlineScriptHashes(html);
  const origins = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["'](https:\/\/[^"'/]+)/gi)) origins.add(match[1]!);
  const base = contentSecurityPolicy(config);
  return serialize({
    ...base,
    'script-src': ["'self'", ...origins, ...inlineScripts],
    'style-src': ["'self'", ...origins, "'unsafe-inline'"],
    'font-src': ["'self'", 'data:', ...origins],
    'connect-src': ["'self'"],
    'frame-src': ["'none'"],
  });
}

/**
 * Security headers on every answer of the main port (helmet): the Content-Security-Policy above, HSTS (one year;
 * browsers heed it over HTTPS only), `X-Frame-Options: DENY`, `nosniff`, `Referrer-Policy: no-referrer`,
 * cross-origin isolation of the opener and resources, and no `X-Powered-By`. `webAppScripts`: the hashes of the web
 * app's inline scripts. With the GraphiQL page on (`landingPage`), its HTML gets the policy `landingPagePolicy` works
 * out for it.
 */
export function securityHeaders(
  app: NestExpressApplication,
  config: Pick<PlatformConfig, 'auth'>,
  landingPage: boolean,
  webAppScripts: readonly string[] = [],
): void {
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config, webAppScripts) },
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
      xFrameOptions: { action: 'deny' },
    }),
  );
  if (!landingPage) return;
  let known: { html: string; policy: string } | undefined;
  app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    const send = res.send.bind(res);
    res.send = ((body?: unknown) => {
      if (typeof body === 'string' && /^text\/html/i.test(String(res.getHeader('content-type') ?? ''))) {
        if (known?.html !== body) known = { html: body, policy: landingPagePolicy(body, config) };
        res.setHeader('Content-Security-Policy', known.policy);
      }
      return send(body);
    }) as Response['send'];
    next();
  });
}
