import type { PageOperation } from './page-queries';
import { sendFirstRequests } from './first-requests';

/** Each operation's text as the app's client prints it, written in by the build (vite.config.ts). */
declare const PAGE_QUERY_TEXTS: Record<PageOperation, string>;

// The index page's inline script, run as the page is parsed: the page's data is on its way while the app's code comes.
window.npaFirstRequests = sendFirstRequests(PAGE_QUERY_TEXTS, window.location, window.fetch.bind(window));
