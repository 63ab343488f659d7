export { BAD_SHARED_STRING, cellFault, endOfTable } from './cells.js';
export type { CsvEncoding } from './csv.js';
export {
  type Action,
  type Change,
  columnLetter,
  type Existing,
  type FieldIssue,
  fieldLabel,
  ImportAborted,
  type ImportSpec,
  type Mode,
  type OnDuplicate,
  type RecordedChange,
  type Report,
  type RowIssue,
  type RunOptions,
  readHeader,
  runImport,
  type UnknownValue,
  type ValueChoice,
  type ValueMapping,
} from './engine.js';
export { ImportFileError, type ImportFileErrorCode } from './errors.js';
export { detectHeader, type FieldSpec, foldHeader, type HeaderColumn, type HeaderDetection } from './header.js';
export {
  type BatchChange,
  blockers,
  type ImportKind,
  type ImportRun,
  type ListWide,
  NO_LIST_WIDE,
  type UndoBatch,
  type UndoBlocker,
} from './kind.js';
export { openTable } from './reader.js';
export { templateAnswer, templateFields } from './template.js';
export type { CellValue, TableRow, TableSource } from './types.js';
export {
  type EnumOption,
  foldValue,
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
