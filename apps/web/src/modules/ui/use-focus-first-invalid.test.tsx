import { Checkbox, TextInput } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { firstInvalid } from './use-focus-first-invalid';

describe('firstInvalid: where a refused save sends keyboard focus', () => {
  it('is the first field in the form that shows an error, in document order', () => {
    renderWithProviders(
      <form aria-label="form">
        <TextInput label="Title" />
        <TextInput label="Place" error="Place is too long" />
        <TextInput label="Summary" error="Summary is required" />
      </form>,
    );
    expect(firstInvalid(screen.getByRole('form'))).toBe(screen.getByRole('textbox', { name: 'Place' }));
  });

  it('is the first box of a checkbox group that shows an error (the boxes themselves are not marked invalid)', () => {
    renderWithProviders(
      <form aria-label="form">
        <TextInput label="Title" />
        <Checkbox.Group label="Parties" error="Pick at least one party">
          <Checkbox value="MX" label="Mexico" />
          <Checkbox value="US" label="United States" />
        </Checkbox.Group>
        <TextInput label="Summary" error="Summary is required" />
      </form>,
    );
    expect(firstInvalid(screen.getByRole('form'))).toBe(screen.getByRole('checkbox', { name: 'Mexico' }));
  });

  it('is nothing when no field shows an error (a refusal shown above the form leaves focus where it is)', () => {
    renderWithProviders(
      <form aria-label="form">
        <TextInput label="Title" />
      </form>,
    );
    expect(firstInvalid(screen.getByRole('form'))).toBeNull();
  });
});
