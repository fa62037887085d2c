/**
 * How a generated sheet is protected, shared by the Office.js and .xlsx renderers: no
 * password (a deliberate Unprotect Sheet lifts it, the next build puts it back), every cell
 * locked but the sheet's input ranges. What a person may still do is the ordinary reading
 * work: select any cell and widen columns or rows. Inserting or deleting rows is refused, as
 * every row carries its own formulas; so are sorting and filtering, which would move them.
 */
export interface SheetPermissions {
  selectLockedCells: boolean;
  selectUnlockedCells: boolean;
  formatCells: boolean;
  formatColumns: boolean;
  formatRows: boolean;
  insertColumns: boolean;
  insertRows: boolean;
  insertHyperlinks: boolean;
  deleteColumns: boolean;
  deleteRows: boolean;
  sort: boolean;
  autoFilter: boolean;
  pivotTables: boolean;
  /** Charts and other drawings: editing them is refused. */
  editObjects: boolean;
  editScenarios: boolean;
}

export const SHEET_PERMISSIONS: Readonly<SheetPermissions> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: false,
  formatColumns: true,
  formatRows: true,
  insertColumns: false,
  insertRows: false,
  insertHyperlinks: false,
  deleteColumns: false,
  deleteRows: false,
  sort: false,
  autoFilter: false,
  pivotTables: false,
  editObjects: false,
  editScenarios: false,
};
