import { expect } from '@jest/globals';
import { type Decider, type DomainEvent, fold, RuleViolation } from '#domain';

const NOW = new Date('2026-11-23T10:00:00.000Z');

/** `given(events).when(command).then(events)` or `.thenViolates(rule)`: a rule test that reads like the rule. */
export function specFor<State, Command, Event extends DomainEvent>(decider: Decider<State, Command, Event>) {
  return (...given: DomainEvent[]) => ({
    when: (command: Command, now: Date = NOW) => {
      const decide = () => decider.decide(command, fold(decider, given), now);
      return {
        then: (...expected: Event[]) => expect(decide()).toEqual(expected),
        thenViolates: (rule: string) => {
          let thrown: unknown;
          try {
            decide();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(RuleViolation);
          expect((thrown as RuleViolation).rule).toBe(rule);
        },
      };
    },
  });
}
