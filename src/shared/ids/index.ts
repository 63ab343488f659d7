export type { MstFault, MstValidation } from './mst.js';
export { formatMst, mstCheckDigit, normaliseMst, validateMst } from './mst.js';
