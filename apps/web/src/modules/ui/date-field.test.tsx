import { useState } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n';
import { renderWithProviders } from '../../test/render';
import { DateField } from './date-field';

function Due({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return <DateField label="Due" description="When it is due" value={value} onChange={setValue} />;
}

describe('DateField', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('says the chosen day in the app’s language, whatever the browser’s', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Due />);
    const field = screen.getByLabelText('Due');
    expect(field).toHaveAccessibleDescription('When it is due');
    await user.type(field, '2030-06-17');
    expect(field).toHaveValue('2030-06-17');
    expect(field).toHaveAccessibleDescription('Day chosen: Jun 17, 2030');

    await i18n.changeLanguage('es');
    const es = new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2030-06-17T00:00:00Z'));
    expect(await screen.findByText(`Día elegido: ${es}`)).toBeInTheDocument();
  });
});
