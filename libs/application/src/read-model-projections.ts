import type { Projection } from '#projections';
import { participantsProjection } from './participants/read-model/participants.projection.js';

/** Every read model the api keeps, in the order they are started. */
export const readModelProjections: readonly Projection[] = [participantsProjection];
