import { describe, expect, it } from '@jest/globals';
import { SqliteCatalogueReader } from '#application';
import { given } from './given.js';
import { Timeline } from './timeline.js';

describe('the plans projection', () => {
  it('given a drafted plan, then a DRAFT plan row with its terms, version 0, drafted and updated that day', () => {
    const t = new Timeline().on('2026-01-10');
    const readModels = given(
      t.planDrafted('plan-1', {
        country: 'CR',
        title: 'Costa Rica NPA',
        periodStart: '2026-01-01',
        periodEnd: '2028-12-31',
        defaultDeadline: null,
        reportingCycle: 'QUARTERLY',
      }),
    );

    expect(readModels.rows('plans')).toEqual([
      {
        plan_id: 'plan-1',
        country: 'CR',
        title: 'Costa Rica NPA',
        period_start: '2026-01-01',
        period_end: '2028-12-31',
        default_deadline: null,
        reporting_cycle: 'QUARTERLY',
        status: 'DRAFT',
        version: 0,
        created_position: 1,
        drafted_at: '2026-01-10T12:00:00.000Z',
        updated_at: '2026-01-10T12:00:00.000Z',
      },
    ]);
  });

  it('given areas and admitted stakeholders, then one row each in their order, and the plan version follows its stream', () => {
    const t = new Timeline();
    const readModels = given(
      t.planDrafted('plan-1'),
      t.thematicAreaDefined('plan-1', 'PREV', 'Prevention'),
      t.thematicAreaDefined('plan-1', 'PROT', 'Protection'),
      t.on('2026-02-01').stakeholderAdmitted('plan-1', 'ministry'),
    );

    expect(readModels.rows('plan_areas')).toEqual([
      { plan_id: 'plan-1', code: 'PREV', title: 'Prevention', ordinal: 1 },
      { plan_id: 'plan-1', code: 'PROT', title: 'Protection', ordinal: 2 },
    ]);
    expect(readModels.rows('plan_stakeholders')).toEqual([
      { plan_id: 'plan-1', stakeholder_id: 'ministry', admitted_at: '2026-02-01T12:00:00.000Z', ordinal: 3 },
    ]);
    expect(readModels.row('plans', { plan_id: 'plan-1' })).toMatchObject({
      version: 3,
      updated_at: '2026-02-01T12:00:00.000Z',
      status: 'DRAFT',
    });
  });

  it('when the plan is adopted, then closed, then its status and the days say so', () => {
    const t = new Timeline();
    const readModels = given(t.planDrafted('plan-1'));

    readModels.when(t.on('2026-03-01').planAdopted('plan-1', '2026-02-28'));
    expect(readModels.row('plans', { plan_id: 'plan-1' })).toMatchObject({ status: 'ADOPTED', adopted_on: '2026-02-28', version: 1 });

    readModels.when(t.on('2028-12-31').planClosed('plan-1', '2028-12-31', 'ended'));
    expect(readModels.row('plans', { plan_id: 'plan-1' })).toMatchObject({
      status: 'CLOSED',
      adopted_on: '2026-02-28',
      closed_on: '2028-12-31',
      version: 2,
    });
  });

  it('when a reporting period is closed, then only the plan version moves on (the closed periods are tracking’s)', () => {
    const t = new Timeline();
    const readModels = given(t.planDrafted('plan-1'), t.planAdopted('plan-1'));
    const before = readModels.row('plans', { plan_id: 'plan-1' });

    readModels.when(t.on('2027-01-31').reportingPeriodClosed('plan-1', '2026'));

    expect(readModels.row('plans', { plan_id: 'plan-1' })).toEqual({ ...before, version: 2, updated_at: '2027-01-31T12:00:00.000Z' });
  });

  it('keeps one version of the plan per day it changed, which the catalogue reads as of a day', () => {
    const t = new Timeline();
    const readModels = given(
      t.on('2026-01-10').planDrafted('plan-1'),
      t.thematicAreaDefined('plan-1', 'PREV'),
      t.on('2026-02-01').planAdopted('plan-1'),
      t.on('2028-12-31').planClosed('plan-1'),
    );

    expect(readModels.history('plans', { plan_id: 'plan-1' }, 'status')).toEqual([
      ['2026-01-10', '2026-02-01', 'DRAFT'],
      ['2026-02-01', '2028-12-31', 'ADOPTED'],
      ['2028-12-31', null, 'CLOSED'],
    ]);
    const catalogue = new SqliteCatalogueReader(readModels.database());
    const statusOn = (day: string) =>
      catalogue
        .asOf(day)
        .plansByIds(['plan-1'])
        .map((plan) => plan.status);
    expect(statusOn('2026-01-09')).toEqual([]);
    expect(statusOn('2026-01-10')).toEqual(['DRAFT']);
    expect(statusOn('2026-06-30')).toEqual(['ADOPTED']);
    expect(catalogue.plansByIds(['plan-1'])).toEqual([expect.objectContaining({ id: 'plan-1', status: 'CLOSED', version: 3 })]);
    expect(catalogue.thematicAreasOf(['plan-1'])).toEqual([{ planId: 'plan-1', code: 'PREV', title: 'Area PREV' }]);
  });

  it('ignores the events of other streams', () => {
    const t = new Timeline();
    expect(given(t.stakeholderRegistered('s-1'), t.commitmentMade('c-1', 'plan-1')).rows('plans')).toEqual([]);
  });
});

describe('the stakeholders projection', () => {
  it('given a registered stakeholder, then a row with its name, kind, sector and country', () => {
    const t = new Timeline().on('2026-01-03');
    const readModels = given(
      t.planDrafted('plan-1'),
      t.stakeholderRegistered('canatur', { name: 'CANATUR', kind: 'PRIVATE_SECTOR', sector: 'tourism', country: 'CR' }),
    );

    expect(readModels.rows('stakeholders')).toEqual([
      {
        stakeholder_id: 'canatur',
        name: 'CANATUR',
        kind: 'PRIVATE_SECTOR',
        sector: 'tourism',
        country: 'CR',
        version: 0,
        created_position: 2,
        registered_at: '2026-01-03T12:00:00.000Z',
      },
    ]);
  });

  it('answers the catalogue’s stakeholder queries, and a plan’s admitted stakeholders', () => {
    const t = new Timeline();
    const readModels = given(
      t.stakeholderRegistered('ministry', { name: 'Ministry of Justice', kind: 'GOVERNMENT' }),
      t.stakeholderRegistered('ngo', { name: 'Paniamor', kind: 'NGO', sector: 'child rights' }),
      t.planDrafted('plan-1'),
      t.stakeholderAdmitted('plan-1', 'ngo'),
    );
    const catalogue = new SqliteCatalogueReader(readModels.database());

    expect(
      catalogue
        .stakeholdersByIds(['ngo', 'ministry'])
        .map((s) => s.name)
        .sort(),
    ).toEqual(['Ministry of Justice', 'Paniamor']);
    expect(catalogue.stakeholdersOf(['plan-1'])).toEqual([
      { planId: 'plan-1', stakeholder: expect.objectContaining({ id: 'ngo', name: 'Paniamor', kind: 'NGO', sector: 'child rights' }) },
    ]);
  });
});
