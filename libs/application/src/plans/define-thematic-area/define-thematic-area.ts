import type { DefineThematicArea } from '#domain';
import { type OnPlan, planChange } from '../plan-stream.js';

export type DefineThematicAreaInput = OnPlan & Omit<DefineThematicArea, 'type'>;

export const defineThematicArea = planChange<DefineThematicAreaInput, DefineThematicArea>({
  name: 'DefineThematicArea',
  action: 'define thematic areas of this plan',
  command: ({ code, title }) => ({ type: 'DefineThematicArea', code, title }),
});
