import type { ThemeConfig } from 'antd';

/** Union blue; compact radii and a readable base size for long Vietnamese unit names. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b57a4',
    colorLink: '#0b57a4',
    borderRadius: 6,
    // antd's greys (placeholder #bfbfbf 1.8:1, secondary #8c8c8c 3.4:1) fail WCAG AA; these are ≥ 4.5:1
    // on white and on the light blue and grey panels the pages use (axe-core checks it in e2e/).
    colorTextPlaceholder: '#6e6e6e',
    colorTextDescription: '#595959',
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextQuaternary: '#6e6e6e',
    colorError: '#c41d23',
    colorSuccess: '#2b7a0b',
    fontSize: 14,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#0b57a4', headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff' },
  },
};
