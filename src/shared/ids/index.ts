export type {
  CccdCheck,
  CccdDecoded,
  CccdGender,
  CccdProvinceCode,
  CccdValidation,
  CccdValidationOptions,
  CccdWarning,
  CccdWarningCode,
  NormalisedCccd,
} from './cccd.js';
export {
  CCCD_PROVINCES,
  cccdProvinceName,
  checkCccd,
  decodeCccd,
  maskCccd,
  maskPassport,
  normaliseCccd,
  validateCccd,
} from './cccd.js';
export type { MstFault, MstValidation } from './mst.js';
export { formatMst, mstCheckDigit, normaliseMst, validateMst } from './mst.js';
export type { PhoneCarrier, PhoneValidation } from './phone.js';
export { checkPhone, formatPhone, normalisePhone, validatePhone } from './phone.js';
