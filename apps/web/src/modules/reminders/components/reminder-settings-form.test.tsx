import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createTestClient, renderWithProviders } from '../../../test/render';
import { ReminderSettingsForm } from './reminder-settings-form';

const saved = (daysBefore: number[]) => ({
  data: { updateReminderSettings: { __typename: 'ReminderSettingsPayload', reminderSettings: { __typename: 'ReminderSettings', daysBefore } } },
});

describe('the due-date reminder setting', () => {
  it('shows the days kept, and saves new ones as a list of numbers', async () => {
    const { client, calls } = createTestClient(({ variables }) => saved([...(variables.input as { daysBefore: number[] }).daysBefore].sort((a, b) => b - a)));
    renderWithProviders(<ReminderSettingsForm daysBefore={[7, 1]} />, { client });
    const field = screen.getByRole('textbox', { name: 'Days before the due date' });
    expect(field).toHaveValue('7, 1');

    const user = userEvent.setup();
    await user.clear(field);
    await user.type(field, '3, 14 0');
    await user.click(screen.getByRole('button', { name: 'Save reminders' }));
    await screen.findByText('Reminders saved.');
    expect(calls.find((c) => c.operationName === 'UpdateReminderSettings')?.variables.input).toEqual({ daysBefore: [3, 14, 0] });
  });

  it('refuses repeats, numbers out of range and words before sending anything', async () => {
    const { client, calls } = createTestClient(() => saved([]));
    renderWithProviders(<ReminderSettingsForm daysBefore={[7, 1]} />, { client });
    const field = screen.getByRole('textbox', { name: 'Days before the due date' });
    const user = userEvent.setup();
    for (const text of ['7, 7', '400', 'seven', '1, 2, 3, 4, 5, 6']) {
      await user.clear(field);
      await user.type(field, text);
      await user.click(screen.getByRole('button', { name: 'Save reminders' }));
      expect(await screen.findByText('Enter up to 5 different whole numbers from 0 to 365, separated by commas.')).toBeInTheDocument();
    }
    expect(calls).toEqual([]);
  });

  it("shows the server's refusal beside the field it names", async () => {
    const { client } = createTestClient(() => ({
      data: null,
      errors: [{ message: 'daysBefore: at most 5 reminders', extensions: { code: 'BAD_USER_INPUT', field: 'daysBefore', violations: [{ field: 'daysBefore', message: 'daysBefore: at most 5 reminders' }] } }],
    }));
    renderWithProviders(<ReminderSettingsForm daysBefore={[7, 1]} />, { client });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save reminders' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Days before the due date' })).toHaveAccessibleDescription(/at most 5 reminders/));
    expect(screen.queryByText('Reminders saved.')).not.toBeInTheDocument();
  });
});
