import type { Decider } from '../decider.js';
import type { PlanCommand } from './plan.commands.js';
import { decidePlan } from './plan.decide.js';
import type { PlanEvent } from './plan.events.js';
import { evolvePlan, initialPlanState, type PlanState } from './plan.state.js';

/** A national (or regional) plan of action: its period, thematic areas, stakeholders and lifecycle. */
export const planDecider: Decider<PlanState, PlanCommand, PlanEvent> = {
  initialState: initialPlanState,
  evolve: evolvePlan,
  decide: decidePlan,
};
