// The heavy libraries only some actions need — spreadsheets (exceljs), Word documents (docx), the full
// phone-number metadata (libphonenumber-js) — are loaded on first use, never at a function's cold start:
// `npm run build:functions` leaves them out of the bundles (LAZY_PACKAGES in
// scripts/build-functions.mjs) and lists them as the function's runtime dependencies, and ESLint
// refuses a static import of them in src/server. A use case awaits the loader; the module is then
// cached by Node for the life of the instance.
import type ExcelJSModule from 'exceljs';

export type ExcelJS = typeof ExcelJSModule;
type PhoneNumbers = typeof import('libphonenumber-js/max');

let excel: Promise<ExcelJS> | undefined;
export function loadExcelJS(): Promise<ExcelJS> {
  excel ??= import('exceljs').then((m) => ((m as { default?: ExcelJS }).default ?? (m as unknown as ExcelJS)));
  return excel;
}

let phones: PhoneNumbers | undefined;
/**
 * libphonenumber-js, loaded the first time a text is checked for phone numbers. Synchronous (the
 * masking runs inside synchronous mapping code), through require, which the bundle leaves in place.
 */
export function phoneNumbers(): PhoneNumbers {
  phones ??= require('libphonenumber-js/max') as PhoneNumbers;
  return phones;
}
