/**
 * Slashes appear as the digits of a date are typed (a phone's number pad has no "/"). Only text made
 * of digits and slashes where this puts them (dd/mm/yyyy) is reshaped; a date typed with separators
 * of its own (5/8/1995, 05.08.1995) is left as it is.
 */
export function dateAsTyped(value: string | undefined): string {
  const v = value ?? '';
  if (!/^[\d/]*$/.test(v)) return v;
  for (let i = 0; i < v.length; i++) if (v[i] === '/' && i !== 2 && i !== 5) return v;
  const digits = v.replace(/\D/g, '').slice(0, 8);
  return [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 8)].filter(Boolean).join('/');
}
