import { describe, expect, it } from '@jest/globals';
import type { RoleGrant, Visibility } from '#domain';
import { atReaderLevel, readerLevel } from '../src/tracking/visibility.js';

const commitment = { planId: 'plan-1', ownerId: 'owner-1' };
const admitted = ['owner-1', 'ngo-1'];
const grant = (role: RoleGrant['role'], scope: string | null): RoleGrant => ({ role, scope }) as RoleGrant;

const report = (visibility: Visibility) => ({
  id: `report-${visibility}`,
  visibility,
  percentComplete: 40,
  narrative: 'Inspections at the Hotel Playa Azul, Puntarenas',
  evidenceLinks: ['https://evidence.example/playa-azul-inspection.pdf'],
  evidenceType: 'INSPECTION' as const,
  verification: 'DISPUTED' as const,
  verificationNote: 'The inspection report names a different venue',
});

const readers: [string, readonly RoleGrant[] | null, Visibility][] = [
  ['anonymous', null, 'PUBLIC'],
  ['signed in, no role in the plan', [grant('FOCAL_POINT', 'elsewhere'), grant('COORDINATOR', 'plan-2')], 'PUBLIC'],
  ['a focal point of an admitted stakeholder (a participant of the plan)', [grant('FOCAL_POINT', 'ngo-1')], 'PARTNERS'],
  ['a youth of an admitted panel', [grant('YOUTH', 'ngo-1')], 'PARTNERS'],
  ["the plan's coordinator", [grant('COORDINATOR', 'plan-1')], 'RESTRICTED'],
  ["the plan's monitor", [grant('MONITOR', 'plan-1')], 'RESTRICTED'],
  ["the owner's focal point", [grant('FOCAL_POINT', 'owner-1')], 'RESTRICTED'],
  ['an admin', [grant('ADMIN', null)], 'RESTRICTED'],
];

const RANK: Record<Visibility, number> = { PUBLIC: 0, PARTNERS: 1, RESTRICTED: 2 };

describe('a progress report at the reader’s level', () => {
  it.each(readers)('%s reads at level %s', (_who, roles, level) => {
    expect(readerLevel(roles, commitment, admitted)).toBe(level);
  });

  describe.each(readers)('for %s', (_who, roles) => {
    const level = readerLevel(roles, commitment, admitted);
    it.each(['PUBLIC', 'PARTNERS', 'RESTRICTED'] as const)(
      'a %s report: narrative, evidence links and verification note together, or none of them',
      (visibility) => {
        const served = atReaderLevel(report(visibility), level);
        const full = report(visibility);
        if (RANK[level] >= RANK[visibility]) {
          expect(served).toEqual(full);
        } else {
          expect(served).toEqual({ ...full, narrative: null, evidenceLinks: [], verificationNote: null });
        }
        // What is not the report's content stays for everyone: figures, evidence type, verification outcome.
        expect(served).toMatchObject({ percentComplete: 40, evidenceType: 'INSPECTION', verification: 'DISPUTED', visibility });
      },
    );
  });
});
