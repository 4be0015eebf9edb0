import { tablesWithHistory } from '#projections';
import { readModelProjections } from '../read-model-projections.js';

/** The read-model tables that keep their history, which readers read as of a day (`SqlQueries.asOf`). */
export const READ_MODEL_HISTORY: ReadonlySet<string> = tablesWithHistory(readModelProjections);
