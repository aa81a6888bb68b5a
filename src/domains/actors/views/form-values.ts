/** A form's values as typed: single fields as strings, repeated ones (checkboxes) as lists. */
export type FormValues = Record<string, string | string[]>;

export const one = (values: FormValues, name: string): string => {
  const value = values[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};

export const many = (values: FormValues, name: string): string[] => {
  const value = values[name];
  return Array.isArray(value) ? value : value ? [value] : [];
};
