// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { useState } from 'react';
import '../../i18n';
import { DISPUTE, type Report, VERIFY } from './queries';
import { Judge } from './Reports';

afterEach(cleanup);

const commitment = { id: 'c1', version: 7 } as Parameters<typeof Judge>[0]['commitment'];
const answer = { itemId: 'r1', version: 8, position: '120', __typename: 'TrackingPayload' };
const mocks: MockLink.MockedResponse[] = [
  { request: { query: DISPUTE, variables: () => true }, result: { data: { disputeProgressReport: answer } } },
  { request: { query: VERIFY, variables: () => true }, result: { data: { verifyProgressReport: answer } } },
];

/** The commitment page's part: after a judgement it reads the report again, which now carries `judgement`. */
function Page({ judgement }: { judgement: Report['verification'] }) {
  const [report, setReport] = useState({ id: 'r1', period: '2013', verification: 'UNVERIFIED' } as Report);
  const reload = () => {
    setReport({ ...report, verification: judgement });
    return Promise.resolve();
  };
  return <Judge commitment={commitment} report={report} reload={reload} />;
}

const send = async (button: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: button }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
};

describe("a monitor's judgement on a report", () => {
  it('keeps the confirmation of a dispute on screen once the report reads as disputed and its form is gone', async () => {
    render(
      <MockedProvider mocks={mocks}>
        <Page judgement="DISPUTED" />
      </MockedProvider>,
    );
    fireEvent.input(screen.getByLabelText(/Why you dispute it/), { target: { value: 'No visit confirms this figure.' } });
    await send('Dispute');
    expect(await screen.findByText('The report for 2013 is disputed.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Dispute the report for 2013' })).toBeNull();
    expect(screen.getByRole('form', { name: 'Verify the report for 2013' })).toBeTruthy();
  });

  it('keeps the confirmation of a verification on screen once the report reads as verified', async () => {
    render(
      <MockedProvider mocks={mocks}>
        <Page judgement="VERIFIED" />
      </MockedProvider>,
    );
    await send('Verify');
    expect(await screen.findByText('The report for 2013 is verified.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Verify the report for 2013' })).toBeNull();
  });
});
