import { isCsvFormula, neutraliseCsvCell, restoreCsvCell } from './csv-rules';

describe('CSV cells and formula injection', () => {
  it.each(['=1+1', '+1', '-2', '@SUM(A1)', '\t=1', '\r=1', "'=1", "''+x"])('neutralises %j so that no spreadsheet reads a formula', (value) => {
    const cell = neutraliseCsvCell(value);
    expect(cell.startsWith("'")).toBe(true);
    expect(isCsvFormula(cell)).toBe(false);
  });

  it.each(['Mexico', "'quoted", 'a=b', ' =1', '', '2024-01-01'])('leaves %j as it is', (value) => {
    expect(neutraliseCsvCell(value)).toBe(value);
  });

  it.each(['=1+1', '-2', "'=1", "''@x", "'quoted", 'plain', ''])('restores %j after neutralising', (value) => {
    expect(restoreCsvCell(neutraliseCsvCell(value))).toBe(value);
  });
});
