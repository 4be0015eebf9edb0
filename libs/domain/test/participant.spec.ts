import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { fold, participantDecider, type ParticipantEvent, type RoleGrant, RuleViolation, ROLES } from '#domain';
import { specFor } from './given-when-then.js';

const given = specFor(participantDecider);
const id = 'p-1';
/** A registration as recorded now: no subject in clear (it is sealed in `personalData`). */
const registered = (kind: 'ADULT' | 'YOUTH' = 'ADULT'): ParticipantEvent => ({
  type: 'ParticipantRegistered',
  data: { participantId: id, displayName: 'Justice focal point', kind },
});
const granted = (role: RoleGrant['role'], scope: string | null): ParticipantEvent => ({
  type: 'RoleGranted',
  data: { participantId: id, role, scope },
});

describe('participant', () => {
  it('registers a new person', () =>
    given().when({ type: 'RegisterParticipant', participantId: id, displayName: 'Justice focal point', kind: 'ADULT' }).then(registered()));

  it('records an age band that fits the kind', () => {
    given()
      .when({ type: 'RegisterParticipant', participantId: id, displayName: 'River', kind: 'YOUTH', ageBand: 'UNDER_18' })
      .then({ type: 'ParticipantRegistered', data: { participantId: id, displayName: 'River', kind: 'YOUTH', ageBand: 'UNDER_18' } });
    given()
      .when({ type: 'RegisterParticipant', participantId: id, displayName: 'River', kind: 'YOUTH', ageBand: 'ADULT' })
      .thenViolates('participant.age_band_mismatch');
    given()
      .when({ type: 'RegisterParticipant', participantId: id, displayName: 'Ana', kind: 'ADULT', ageBand: '18_24' })
      .thenViolates('participant.age_band_mismatch');
  });

  it('records an erasure of personal data once, for a registered person', () => {
    given(registered())
      .when({ type: 'ErasePersonalData', erasedBy: 'admin' })
      .then({ type: 'PersonalDataErased', data: { participantId: id, erasedBy: 'admin' } });
    given(registered(), { type: 'PersonalDataErased', data: { participantId: id, erasedBy: 'admin' } })
      .when({ type: 'ErasePersonalData', erasedBy: 'admin' })
      .thenViolates('participant.already_erased');
    given().when({ type: 'ErasePersonalData', erasedBy: 'admin' }).thenViolates('participant.not_registered');
  });

  it('never erases an administrator, who would be locked out: their ADMIN role is revoked first', () => {
    given(registered(), granted('ADMIN', null)).when({ type: 'ErasePersonalData', erasedBy: id }).thenViolates('participant.erase_admin');
    given(registered(), granted('ADMIN', null), {
      type: 'RoleRevoked',
      data: { participantId: id, role: 'ADMIN', scope: null, reason: 'leaving' },
    })
      .when({ type: 'ErasePersonalData', erasedBy: 'admin' })
      .then({ type: 'PersonalDataErased', data: { participantId: id, erasedBy: 'admin' } });
  });

  it('records the sponsoring youth panel of a youth participant, and of no one else', () => {
    given()
      .when({ type: 'RegisterParticipant', participantId: id, displayName: 'River', kind: 'YOUTH', sponsorId: 'panel-1' })
      .then({ type: 'ParticipantRegistered', data: { participantId: id, displayName: 'River', kind: 'YOUTH', sponsorId: 'panel-1' } });
    given()
      .when({ type: 'RegisterParticipant', participantId: id, displayName: 'Ana', kind: 'ADULT', sponsorId: 'panel-1' })
      .thenViolates('participant.sponsor_for_youth_only');
  });

  it('registers a person only once', () =>
    given(registered())
      .when({ type: 'RegisterParticipant', participantId: id, displayName: 'X', kind: 'ADULT' })
      .thenViolates('participant.already_registered'));

  it('grants a scoped role', () =>
    given(registered())
      .when({ type: 'GrantRole', role: 'FOCAL_POINT', scope: 'stakeholder-justice' })
      .then(granted('FOCAL_POINT', 'stakeholder-justice')));

  it('grants nothing to someone not registered', () =>
    given().when({ type: 'GrantRole', role: 'ADMIN', scope: null }).thenViolates('participant.not_registered'));

  it('grants ADMIN without a scope and every other role only with one', () => {
    given(registered()).when({ type: 'GrantRole', role: 'ADMIN', scope: null }).then(granted('ADMIN', null));
    given(registered()).when({ type: 'GrantRole', role: 'ADMIN', scope: 'plan-1' }).thenViolates('participant.admin_has_no_scope');
    given(registered()).when({ type: 'GrantRole', role: 'COORDINATOR', scope: null }).thenViolates('participant.scope_required');
    given(registered()).when({ type: 'GrantRole', role: 'MONITOR', scope: '  ' }).thenViolates('participant.scope_required');
  });

  it('keeps youth out of adult-only roles and the YOUTH role for youth', () => {
    given(registered('YOUTH'))
      .when({ type: 'GrantRole', role: 'YOUTH', scope: 'stakeholder-panel' })
      .then(granted('YOUTH', 'stakeholder-panel'));
    given(registered('YOUTH')).when({ type: 'GrantRole', role: 'ADMIN', scope: null }).thenViolates('participant.youth_role');
    given(registered('YOUTH')).when({ type: 'GrantRole', role: 'MONITOR', scope: 'plan-1' }).thenViolates('participant.youth_role');
    given(registered('ADULT'))
      .when({ type: 'GrantRole', role: 'YOUTH', scope: 'stakeholder-panel' })
      .thenViolates('participant.youth_role');
  });

  it('refuses a role already held in the same scope but allows another scope', () => {
    given(registered(), granted('MONITOR', 'plan-1'))
      .when({ type: 'GrantRole', role: 'MONITOR', scope: 'plan-1' })
      .thenViolates('participant.role_already_granted');
    given(registered(), granted('MONITOR', 'plan-1'))
      .when({ type: 'GrantRole', role: 'MONITOR', scope: 'plan-2' })
      .then(granted('MONITOR', 'plan-2'));
  });

  it('revokes a held role with a reason, and refuses to revoke one not held', () => {
    given(registered(), granted('COORDINATOR', 'plan-1'))
      .when({ type: 'RevokeRole', role: 'COORDINATOR', scope: 'plan-1', reason: 'left the secretariat' })
      .then({ type: 'RoleRevoked', data: { participantId: id, role: 'COORDINATOR', scope: 'plan-1', reason: 'left the secretariat' } });
    given(registered(), granted('COORDINATOR', 'plan-1'))
      .when({ type: 'RevokeRole', role: 'COORDINATOR', scope: 'plan-2', reason: null })
      .thenViolates('participant.role_not_granted');
  });

  it('folds grants as a set: a grant recorded twice is held once, and one revocation removes it', () => {
    const twice = fold(participantDecider, [registered(), granted('MONITOR', 'plan-1'), granted('MONITOR', 'plan-1')]);
    expect(twice.status === 'registered' && twice.grants).toEqual([{ role: 'MONITOR', scope: 'plan-1' }]);
    given(registered(), granted('MONITOR', 'plan-1'), granted('MONITOR', 'plan-1'), {
      type: 'RoleRevoked',
      data: { participantId: id, role: 'MONITOR', scope: 'plan-1', reason: null },
    })
      .when({ type: 'RevokeRole', role: 'MONITOR', scope: 'plan-1', reason: null })
      .thenViolates('participant.role_not_granted');
  });

  it('ignores grants and revocations before registration', () => {
    expect(fold(participantDecider, [granted('ADMIN', null)])).toEqual({ status: 'unregistered' });
  });

  it('ignores events it does not know', () => {
    const state = fold(participantDecider, [registered(), { type: 'PlanDrafted', data: {} }]);
    expect(state).toEqual(fold(participantDecider, [registered()]));
  });

  it('keeps the folded grants equal to a set of grants under any sequence of grant and revoke commands', () => {
    const grantArb = fc.record({
      role: fc.constantFrom(...ROLES),
      scope: fc.constantFrom(null, 'plan-1', 'stakeholder-1'),
    });
    const commandArb = fc.record({ grant: fc.boolean(), target: grantArb });
    fc.assert(
      fc.property(fc.constantFrom<'ADULT' | 'YOUTH'>('ADULT', 'YOUTH'), fc.array(commandArb, { maxLength: 40 }), (kind, commands) => {
        const events: ParticipantEvent[] = [registered(kind)];
        const model = new Set<string>();
        for (const { grant, target } of commands) {
          const state = fold(participantDecider, events);
          try {
            const decided = participantDecider.decide(
              grant ? { type: 'GrantRole', ...target } : { type: 'RevokeRole', ...target, reason: null },
              state,
              new Date(),
            );
            events.push(...decided);
            const key = `${target.role}/${target.scope}`;
            if (grant) model.add(key);
            else model.delete(key);
          } catch (error) {
            if (!(error instanceof RuleViolation)) throw error;
          }
        }
        const final = fold(participantDecider, events);
        if (final.status !== 'registered') return false;
        const folded = new Set(final.grants.map((g) => `${g.role}/${g.scope}`));
        expect(folded).toEqual(model);
        expect(final.grants).toHaveLength(folded.size);
        if (kind === 'YOUTH') expect(final.grants.every((g) => !['ADMIN', 'COORDINATOR', 'MONITOR'].includes(g.role))).toBe(true);
        return true;
      }),
    );
  });
});
