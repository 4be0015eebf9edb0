import { describe, expect, it } from '@jest/globals';
import {
  inboxDecider,
  MAIL_CLAIM_MINUTES,
  MAX_MARKED,
  type MarkNotificationsRead,
  notificationDecider,
  notificationKey,
  type RecordNotification,
} from '#domain';
import { specFor } from './given-when-then.js';

const record: RecordNotification = {
  type: 'RecordNotification',
  notificationId: 'n-1',
  recipientId: 'p-1',
  topic: 'DEADLINE_OVERDUE',
  subject: { kind: 'MILESTONE', id: 'm-1', title: 'Train 80 officers', planId: 'plan-1', commitmentId: 'c-1' },
  dueDate: '2013-06-30',
  asOf: '2013-07-01',
};
const { type: _type, ...recorded } = record;

describe('a notification', () => {
  const given = specFor(notificationDecider);
  it('is recorded once', () => given().when(record).then({ type: 'NotificationRecorded', data: recorded }));
  it('recorded again (a second pass, a restart, another instance) records nothing', () =>
    given({ type: 'NotificationRecorded', data: recorded })
      .when({ ...record, asOf: '2013-07-02' })
      .then());
  it('is the same notification for the same person, topic, subject and due date, whatever the day it is judged on', () => {
    expect(notificationKey({ ...recorded })).toBe(notificationKey({ ...recorded, asOf: '2013-07-09' } as typeof recorded));
    expect(notificationKey(recorded)).not.toBe(notificationKey({ ...recorded, dueDate: '2013-09-30' }));
    expect(notificationKey(recorded)).not.toBe(notificationKey({ ...recorded, topic: 'DEADLINE_DUE_SOON' }));
    expect(notificationKey(recorded)).not.toBe(notificationKey({ ...recorded, recipientId: 'p-2' }));
  });
});

describe('an inbox', () => {
  const given = specFor(inboxDecider);
  const mark = (...notificationIds: string[]): MarkNotificationsRead => ({
    type: 'MarkNotificationsRead',
    participantId: 'p-1',
    notificationIds,
  });
  it('marks notifications read, each once', () =>
    given()
      .when(mark('n-1', 'n-2', 'n-1'))
      .then({ type: 'NotificationsRead', data: { participantId: 'p-1', notificationIds: ['n-1', 'n-2'] } }));
  it('leaves out those already read, and records nothing when all are', () => {
    const read = { type: 'NotificationsRead', data: { participantId: 'p-1', notificationIds: ['n-1'] } } as const;
    given(read)
      .when(mark('n-1', 'n-3'))
      .then({ type: 'NotificationsRead', data: { participantId: 'p-1', notificationIds: ['n-3'] } });
    given(read).when(mark('n-1')).then();
  });
  it(`takes at most ${MAX_MARKED} at once`, () =>
    given()
      .when(mark(...Array.from({ length: MAX_MARKED + 1 }, (_, k) => `n-${k}`)))
      .thenViolates('inbox.too_many'));
});

describe("a notification's e-mail", () => {
  const given = specFor(notificationDecider);
  const mailed = { type: 'RecordMailing', notificationId: 'n-1', outcome: 'SENT', messageId: '<m-1@npa>' } as const;
  it('is recorded once the notification is', () =>
    given({ type: 'NotificationRecorded', data: recorded })
      .when(mailed)
      .then({ type: 'NotificationMailed', data: { notificationId: 'n-1', outcome: 'SENT', messageId: '<m-1@npa>' } }));
  it('is recorded once: a second sender finds it done', () =>
    given({ type: 'NotificationRecorded', data: recorded }, { type: 'NotificationMailed', data: { ...mailed, type: undefined } })
      .when({ ...mailed, outcome: 'NO_ADDRESS', messageId: null })
      .then());
  it('needs the notification', () => given().when(mailed).thenViolates('notification.not_found'));
});

describe("a claim on a notification's e-mail", () => {
  const given = specFor(notificationDecider);
  const noted = { type: 'NotificationRecorded', data: recorded } as const;
  const claim = (by: string) => ({ type: 'ClaimMailing', notificationId: 'n-1', by }) as const;
  const claimed = (by: string, at: string) => ({ type: 'NotificationMailClaimed', data: { notificationId: 'n-1', by, at } }) as const;
  const NOW = new Date('2026-11-23T10:00:00.000Z');
  it('is taken by the first sender', () => given(noted).when(claim('a'), NOW).then(claimed('a', NOW.toISOString())));
  it("leaves another sender's fresh claim alone, and takes over one that has lapsed", () => {
    given(noted, claimed('a', '2026-11-23T09:55:00.000Z')).when(claim('b'), NOW).then();
    given(noted, claimed('a', `2026-11-23T09:${String(59 - MAIL_CLAIM_MINUTES)}:59.000Z`))
      .when(claim('b'), NOW)
      .then(claimed('b', NOW.toISOString()));
  });
  it('is taken again by its own sender, to retry a failed send; nothing is claimed once mailed', () => {
    given(noted, claimed('a', '2026-11-23T09:59:00.000Z')).when(claim('a'), NOW).then(claimed('a', NOW.toISOString()));
    given(noted, { type: 'NotificationMailed', data: { notificationId: 'n-1', outcome: 'SENT', messageId: null } })
      .when(claim('b'), NOW)
      .then();
  });
});
