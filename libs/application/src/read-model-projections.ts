import type { Projection } from '#projections';
import { commitmentsProjection } from './catalogue/projections/commitments.projection.js';
import { historyProjection } from './catalogue/projections/history.projection.js';
import { plansProjection } from './catalogue/projections/plans.projection.js';
import { stakeholdersProjection } from './catalogue/projections/stakeholders.projection.js';
import { participantsProjection } from './participants/read-model/participants.projection.js';
import { trackingProjection } from './tracking/tracking.projection.js';
import { discussionsProjection } from './discussions/discussions.projection.js';

/** Every read model the api keeps, in the order they are started. */
export const readModelProjections: readonly Projection[] = [
  participantsProjection,
  plansProjection,
  stakeholdersProjection,
  commitmentsProjection,
  historyProjection,
  trackingProjection,
  discussionsProjection,
];
