import { ValidationError } from '../errors.js';

/** Cursors are opaque to clients: the base64url of the row's creation position in the log. */
export const encodeCursor = (position: number): string => Buffer.from(`p:${position}`).toString('base64url');

export function decodeCursor(cursor: string | null, field = 'after'): number {
  if (cursor === null) return 0;
  const match = /^p:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new ValidationError(`${field} is not a cursor this API returned`, [{ field, message: 'unknown cursor' }]);
  return Number(match[1]);
}
