import type { Projection, RetiredProjection } from '#projections';
import { commitmentsProjection } from './catalogue/projections/commitments.projection.js';
import { plansProjection } from './catalogue/projections/plans.projection.js';
import { stakeholdersProjection } from './catalogue/projections/stakeholders.projection.js';
import { participantsProjection } from './participants/read-model/participants.projection.js';
import { tasksProjection } from './tracking/tasks.projection.js';
import { trackingProjection } from './tracking/tracking.projection.js';
import { discussionsProjection } from './discussions/discussions.projection.js';
import { commandIdsProjection } from './read-model/command-ids.projection.js';
import { notificationsProjection } from './notifications/notifications.projection.js';

/** Every read model the api keeps, in the order they are started. */
export const readModelProjections: readonly Projection[] = [
  participantsProjection,
  plansProjection,
  stakeholdersProjection,
  commitmentsProjection,
  trackingProjection,
  tasksProjection,
  discussionsProjection,
  notificationsProjection,
  commandIdsProjection,
];

/**
 * Read models the api no longer keeps; their tables are dropped from files that still have them.
 * - `history`: the audit trail is read from each entity's own stream (`auditTrail`), not from a copy of the log.
 */
export const retiredProjections: readonly RetiredProjection[] = [{ name: 'history', tables: ['history_entries'] }];
