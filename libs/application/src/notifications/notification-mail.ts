import { notificationDecider, type NotificationTopic, type RecordMailing } from '#domain';
import type { EventStore } from '#eventstore';
import type { CommandContext } from '../kernel/command-context.js';
import { executeCommand } from '../kernel/execute-command.js';
import { registrationOf } from '../personal-data/personal-data-access.js';
import type { PersonalDataVault } from '../personal-data/personal-data-vault.js';
import { notificationStream } from './notification-streams.js';
import type { NotificationView, SqliteNotificationsReader } from './sqlite-notifications-reader.js';

/** One e-mail: plain text, with the id it is sent under (the outbox file's name; the mail server sees it in a header). */
export interface MailMessage {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Where e-mail goes: a mail server (SMTP_URL), or the outbox in DATA_DIR. Answers the message id it was given. */
export interface MailTransport {
  send(message: MailMessage): Promise<{ readonly messageId: string }>;
}

const SIMPLE_ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/**
 * Where a participant's e-mail goes: the address recorded with their personal data, or else the subject their
 * identity provider knows them by when it is an e-mail address; none when they gave neither or were erased.
 */
export async function mailAddressOf(store: EventStore, vault: PersonalDataVault, participantId: string): Promise<string | null> {
  const sealed = (await registrationOf(store, participantId))?.personalData;
  if (!sealed) return null;
  const data = await vault.open(participantId, sealed);
  if (data === 'erased') return null;
  const address = data.email ?? data.subject ?? null;
  return address && SIMPLE_ADDRESS.test(address) ? address : null;
}

const FOCAL_POINT =
  'You receive this because you are a focal point of its owner. / Vous recevez ce message en tant que point focal de son responsable.';
const WORDS: Record<NotificationTopic, { readonly en: string; readonly fr: string }> = {
  DEADLINE_DUE_SOON: { en: 'Due soon', fr: 'Échéance proche' },
  DEADLINE_OVERDUE: { en: 'Overdue', fr: 'En retard' },
  REPORT_MISSING: { en: 'Report missing', fr: 'Rapport manquant' },
  COMMITMENT_AWAITING_ACTIVATION: { en: 'Waiting for activation', fr: 'En attente d’activation' },
};
const WHY: Record<NotificationTopic, string> = {
  DEADLINE_DUE_SOON: FOCAL_POINT,
  DEADLINE_OVERDUE: FOCAL_POINT,
  REPORT_MISSING: FOCAL_POINT,
  COMMITMENT_AWAITING_ACTIVATION:
    'You receive this because you are a coordinator of the plan. / Vous recevez ce message en tant que coordinateur du plan.',
};
const KINDS = {
  COMMITMENT: { en: 'commitment', fr: "l'engagement" },
  MILESTONE: { en: 'milestone', fr: "l'étape" },
  TASK: { en: 'task', fr: 'la tâche' },
} as const;

/**
 * The e-mail of a notification, in English and French (the platform records no language of a participant yet), with
 * a link to what it is about in the web app at `appUrl`.
 */
export function notificationMail(notification: NotificationView, to: string, appUrl: string): MailMessage {
  const { topic, subject, dueDate } = notification;
  const words = WORDS[topic];
  const kind = KINDS[subject.kind];
  const link = `${appUrl.replace(/\/+$/, '')}/commitments/${encodeURIComponent(subject.commitmentId)}`;
  const { en, fr } = {
    DEADLINE_OVERDUE: {
      en: `The ${kind.en} "${subject.title}" was due on ${dueDate} and is not completed.`,
      fr: `L'échéance de ${kind.fr} « ${subject.title} » était le ${dueDate} ; elle n'est pas achevée.`,
    },
    DEADLINE_DUE_SOON: {
      en: `The ${kind.en} "${subject.title}" is due on ${dueDate}.`,
      fr: `L'échéance de ${kind.fr} « ${subject.title} » est le ${dueDate}.`,
    },
    REPORT_MISSING: {
      en: `No progress report was made on the commitment "${subject.title}" for the reporting period that ended on ${dueDate}.`,
      fr: `Aucun rapport d'avancement n'a été fait sur l'engagement « ${subject.title} » pour la période close le ${dueDate}.`,
    },
    COMMITMENT_AWAITING_ACTIVATION: {
      en: `The commitment "${subject.title}" is proposed and waits for a coordinator of the plan to activate it.`,
      fr: `L'engagement « ${subject.title} » est proposé et attend qu'un coordinateur du plan l'active.`,
    },
  }[topic];
  return {
    id: notification.id,
    to,
    subject: `${words.en} / ${words.fr}: ${subject.title}`,
    text: `${en}\n${link}\n\n${fr}\n${link}\n\n${WHY[topic]}\n`,
  };
}

export interface MailingSources {
  /** Who sends (one api instance): of several, the one whose claim on an e-mail is recorded first sends it. */
  readonly sender: string;
  readonly store: EventStore;
  readonly vault: PersonalDataVault;
  readonly notifications: SqliteNotificationsReader;
  readonly transport: MailTransport;
  readonly appUrl: string;
}

export interface MailingReport {
  readonly sent: number;
  readonly noAddress: number;
  /** Ids whose e-mail was sent (or found to have no address) and recorded. */
  readonly done: readonly string[];
  /** Ids whose sending failed this time (tried again later). */
  readonly failed: readonly string[];
}

/**
 * Sends the e-mail of each notification that has none yet (at most `limit`, oldest first, skipping `notNow`), and
 * records what became of it on the notification's stream (`NotificationMailed`, once). Before sending, the sender
 * records its claim on the e-mail (`NotificationMailClaimed`, at the stream's revision: of several api instances one
 * wins, the others leave it). A failed send records nothing more: its sender tries again later. One whose sender
 * stopped between claiming and recording is taken over once the claim has lapsed (`MAIL_CLAIM_MINUTES`): sent
 * again, the outbox file is written under the same name and a mail server sees the same Message-ID.
 */
export async function mailNotifications(
  sources: MailingSources,
  context: CommandContext,
  limit = 50,
  notNow: ReadonlySet<string> = new Set(),
  onFailure: (notificationId: string, error: Error) => void = () => undefined,
): Promise<MailingReport> {
  let sent = 0;
  let noAddress = 0;
  const done: string[] = [];
  const failed: string[] = [];
  for (const notification of sources.notifications
    .awaitingMail(limit + notNow.size)
    .filter((n) => !notNow.has(n.id))
    .slice(0, limit)) {
    let command: RecordMailing;
    try {
      const to = await mailAddressOf(sources.store, sources.vault, notification.recipientId);
      if (to === null) {
        command = { type: 'RecordMailing', notificationId: notification.id, outcome: 'NO_ADDRESS', messageId: null };
      } else {
        // Claimed first: with several api instances, only the one whose claim is recorded sends.
        const claim = await executeCommand({
          store: sources.store,
          stream: notificationStream(notification.id),
          decider: notificationDecider,
          command: { type: 'ClaimMailing', notificationId: notification.id, by: sources.sender },
          context,
        });
        if (claim.events.length === 0) continue;
        const { messageId } = await sources.transport.send(notificationMail(notification, to, sources.appUrl));
        command = { type: 'RecordMailing', notificationId: notification.id, outcome: 'SENT', messageId };
      }
    } catch (error) {
      failed.push(notification.id);
      onFailure(notification.id, error instanceof Error ? error : new Error(String(error)));
      continue;
    }
    await executeCommand({
      store: sources.store,
      stream: notificationStream(notification.id),
      decider: notificationDecider,
      command,
      context,
    });
    if (command.outcome === 'SENT') sent += 1;
    else noAddress += 1;
    done.push(notification.id);
  }
  return { sent, noAddress, done, failed };
}
