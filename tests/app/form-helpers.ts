// Filling in Taro H5 form fields in jsdom: the web component renders its native input or
// textarea a moment after it is attached, so the helper waits for it.
import { fireEvent, screen, waitFor } from '@testing-library/react';

export async function typeInto(id: string, value: string): Promise<void> {
  const field = await waitFor(() => {
    const found = document.querySelector(`#${id} input, #${id} textarea`);
    if (!found) throw new Error(`no field #${id}`);
    return found;
  });
  fireEvent.input(field, { target: { value } });
}

export function tap(text: string | RegExp): void {
  fireEvent.click(screen.getByText(text));
}

/** Taps the element with this id (e.g. one choice of a ChoiceField: `${fieldId}-${value}`). */
export function choose(id: string): void {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no element #${id}`);
  fireEvent.click(element);
}
