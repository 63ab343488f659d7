import { foldedContains } from '../../shared/text/index.js';

/**
 * Search settings for a Select over a short local list: typing "quan so" or "xa phu rieng" finds
 * "Quân số" / "Xã Phú Riềng", as people type on phones without accents.
 */
export const foldedSearch = {
  filterOption: (input: string, option?: { label?: unknown }) => foldedContains(String(option?.label ?? ''), input),
};
