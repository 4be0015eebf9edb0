import { describe, it } from '@jest/globals';
import { type RegisterStakeholder, stakeholderDecider } from '#domain';
import { specFor } from './given-when-then.js';

const given = specFor(stakeholderDecider);
const register: RegisterStakeholder = {
  type: 'RegisterStakeholder',
  stakeholderId: 's-1',
  name: 'ECPAT International',
  kind: 'NGO',
  sector: 'civil society',
  country: 'TH',
};

describe('stakeholder', () => {
  it('is registered with a name, kind, sector and country', () =>
    given()
      .when(register)
      .then({
        type: 'StakeholderRegistered',
        data: { stakeholderId: 's-1', name: 'ECPAT International', kind: 'NGO', sector: 'civil society', country: 'TH' },
      }));
  it('is registered once', () =>
    given({ type: 'StakeholderRegistered', data: { ...register, type: undefined } })
      .when(register)
      .thenViolates('stakeholder.already_registered'));
  it('needs a known kind, a name, a sector and an ISO country code', () => {
    given()
      .when({ ...register, kind: 'CLUB' as never })
      .thenViolates('stakeholder.invalid_kind');
    given()
      .when({ ...register, name: ' ' })
      .thenViolates('stakeholder.name_required');
    given()
      .when({ ...register, sector: '' })
      .thenViolates('stakeholder.sector_required');
    given()
      .when({ ...register, country: 'tha' })
      .thenViolates('stakeholder.invalid_country');
  });
});
