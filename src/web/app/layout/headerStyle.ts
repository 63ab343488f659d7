/** Icon buttons on the blue header: inline so they win over antd's text-button colours without !important. */
export const HEADER_ICON = { color: '#fff' } as const;
