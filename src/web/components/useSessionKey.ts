import { useRef } from 'react';

/**
 * A number that changes each time `open` turns true. Keying a dialog's body with it gives every
 * opening a fresh form store: antd keeps the store of a form instance across openings, and a
 * dialog whose closing animation was cut short is reused with the previous values.
 */
export function useSessionKey(open: boolean): number {
  const ref = useRef({ open: false, n: 0 });
  if (open && !ref.current.open) ref.current.n += 1;
  ref.current.open = open;
  return ref.current.n;
}
