import { Grid } from 'antd';

/**
 * The one breakpoint rule of the app: a phone is narrower than antd's `md` (768 px) and gets one
 * column per idea; `wide` (≥ `lg`, 992 px) has room for side panels and a fixed menu.
 */
export function useLayout(): { phone: boolean; wide: boolean } {
  const screens = Grid.useBreakpoint();
  return { phone: screens.md !== true, wide: screens.lg === true };
}
