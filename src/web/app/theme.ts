import type { ThemeConfig } from 'antd';

/** Union blue; compact radii and a readable base size for long Vietnamese unit names. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b57a4',
    colorLink: '#0b57a4',
    borderRadius: 6,
    fontSize: 14,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#0b57a4', headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff' },
  },
};
