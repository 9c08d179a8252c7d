/**
 * Spreadsheet formula injection: a CSV cell that begins with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is read by spreadsheet programs as a formula. Exports put a single quote in
 * front of such a cell (OWASP's advice). A cell that already begins with quotes followed by one of
 * those characters gets one more quote too, so that `restoreCsvCell` undoes exactly what
 * `neutraliseCsvCell` did and an export imported again holds the original text.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutraliseCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The text an exported cell stood for: one leading quote less where `neutraliseCsvCell` added one. */
export function restoreCsvCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

/** Whether a cell would start a formula in a spreadsheet as it stands (an import refuses these: they were not exported by Pactwatch). */
export function isCsvFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}
