/**
 * ISFORMULA over a range for HyperFormula, as Excel 365 and LibreOffice evaluate it: an array
 * of TRUE/FALSE, one per cell. HyperFormula's own ISFORMULA looks at the first cell only, so
 * the Begroting's "Formulecontrole" (issue 8: a typed-over formula is named on Controle) would
 * read wrong in the in-memory host and in the formula-parity tests without this.
 */
import { ArraySize, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";

type Ast = { type: string; expression?: Ast; start?: Reference; end?: Reference; reference?: Reference; args?: Ast[] };
type Reference = { toSimpleCellAddress(base: unknown): { sheet: number; row: number; col: number } };
type State = { formulaAddress: unknown };

const unwrap = (ast: Ast | undefined): Ast | undefined => (ast?.type === "PARENTHESIS" ? unwrap(ast.expression) : ast);

class IsFormulaOverRanges extends FunctionPlugin {
  static implementedFunctions = {
    ISFORMULA: {
      method: "isFormula",
      sizeOfResultArrayMethod: "isFormulaSize",
      parameters: [{ argumentType: FunctionArgumentType.NOERROR }],
      doesNotNeedArgumentsToBeComputed: true,
      vectorizationForbidden: true,
    },
  };

  private holdsFormula(address: { sheet: number; row: number; col: number }): boolean {
    const vertex = this.dependencyGraph.addressMapping.getCell(address) as { getFormula?: unknown } | undefined;
    return typeof vertex?.getFormula === "function";
  }

  isFormula(ast: Ast, state: State): boolean | SimpleRangeValue {
    const arg = unwrap(ast.args?.[0]);
    if (arg?.type === "CELL_RANGE" && arg.start && arg.end) {
      const start = arg.start.toSimpleCellAddress(state.formulaAddress);
      const end = arg.end.toSimpleCellAddress(state.formulaAddress);
      const rows: boolean[][] = [];
      for (let row = start.row; row <= end.row; row++) {
        const cells: boolean[] = [];
        for (let col = start.col; col <= end.col; col++) cells.push(this.holdsFormula({ sheet: start.sheet, row, col }));
        rows.push(cells);
      }
      return SimpleRangeValue.onlyValues(rows);
    }
    if (arg?.type === "CELL_REFERENCE" && arg.reference) return this.holdsFormula(arg.reference.toSimpleCellAddress(state.formulaAddress));
    return false;
  }

  isFormulaSize(ast: Ast, state: State): ArraySize {
    const arg = unwrap(ast.args?.[0]);
    if (arg?.type !== "CELL_RANGE" || !arg.start || !arg.end) return ArraySize.scalar();
    const start = arg.start.toSimpleCellAddress(state.formulaAddress);
    const end = arg.end.toSimpleCellAddress(state.formulaAddress);
    return new ArraySize(end.col - start.col + 1, end.row - start.row + 1);
  }
}

let registered = false;

/** Replaces HyperFormula's ISFORMULA with the range-aware one, once per process. */
export function registerIsFormulaOverRanges(): void {
  if (registered) return;
  registered = true;
  HyperFormula.unregisterFunction("ISFORMULA");
  HyperFormula.registerFunctionPlugin(IsFormulaOverRanges);
}
