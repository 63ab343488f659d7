/**
 * What an outreach event may have attached (the signed attendance list, photos). No zod here: the
 * web checks the size before uploading and imports this value.
 */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
