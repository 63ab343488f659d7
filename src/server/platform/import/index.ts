export type { CsvEncoding } from './csv.js';
export { ImportFileError, type ImportFileErrorCode } from './errors.js';
export { detectHeader, type FieldSpec, foldHeader, type HeaderColumn, type HeaderDetection } from './header.js';
export { openTable } from './reader.js';
export type { CellValue, TableRow, TableSource } from './types.js';
export {
  type EnumOption,
  MST_ZERO_WARNING,
  type ParseResult,
  parseCount,
  parseDate,
  parseEnum,
  parseMst,
  parseText,
  type ValueParser,
} from './values.js';
export {
  type RowsSheet,
  TEMPLATE_LIST_SHEET,
  type TemplateField,
  type TemplateSpec,
  writeRowsXlsx,
  writeTemplateXlsx,
} from './xlsx-out.js';
