// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import '../../i18n';
import { CompleteItems, type Item, Reopen } from './ItemForms';

afterEach(cleanup);

/** A list the page reads again after each write: the item just written leaves it, as on the commitment page. */
function Page({ form }: { form: 'complete' | 'reopen' }) {
  const [items, setItems] = useState<readonly Item[]>([{ id: 'm1', title: 'Clause in supplier contracts' }]);
  const send = () => Promise.resolve();
  const reload = () => {
    setItems([]);
    return Promise.resolve();
  };
  return form === 'complete' ? (
    <CompleteItems title="Mark a milestone done" items={items} send={send} success="The milestone is marked done." reload={reload} />
  ) : (
    <Reopen title="Reopen a milestone" label="Milestone" done={items} send={send} reload={reload} />
  );
}

describe('forms on a list of items', () => {
  it('keep the confirmation on screen when the write took the last item off the list', async () => {
    render(<Page form="complete" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /Clause in supplier contracts/ }));
    });
    expect(screen.queryByRole('button', { name: /Clause in supplier contracts/ })).toBeNull();
    expect(screen.getByText('The milestone is marked done.')).toBeTruthy();
  });

  it('keep the confirmation of a reopening when nothing is left to reopen', async () => {
    render(<Page form="reopen" />);
    fireEvent.change(screen.getByLabelText('Milestone'), { target: { value: 'm1' } });
    fireEvent.input(screen.getByLabelText(/Reason/), { target: { value: 'Inspection found it missing' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Reopen' }));
    });
    expect(screen.getByText('It is open again.')).toBeTruthy();
  });

  it('show nothing for an empty list before anything was written', () => {
    const { container } = render(
      <CompleteItems
        title="Mark a milestone done"
        items={[]}
        send={() => Promise.resolve()}
        success="Done."
        reload={() => Promise.resolve()}
      />,
    );
    expect(container.textContent).toBe('');
  });
});
