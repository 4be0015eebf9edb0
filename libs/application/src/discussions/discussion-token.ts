/** The discussion reader and the comment rate limit; the host binds them. */
export const DISCUSSIONS = Symbol('DISCUSSIONS');
export const COMMENT_RATE_LIMIT = Symbol('COMMENT_RATE_LIMIT');
