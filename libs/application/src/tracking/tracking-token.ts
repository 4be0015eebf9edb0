/** The tracking reader (milestones, tasks, reports, deadlines, scorecards); the host binds it. */
export const TRACKING = Symbol('TRACKING');
