/** A notification's stream: named by its id, which is derived from what it says and to whom. */
export const notificationStream = (notificationId: string): string => `notification-${notificationId}`;

/** A participant's inbox: which of their notifications they have read. */
export const inboxStream = (participantId: string): string => `inbox-${participantId}`;

export const NOTIFICATIONS = Symbol('NOTIFICATIONS');
