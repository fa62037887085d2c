/**
 * Excel.run as the pane calls it. With RunOptions.delayForCellEdit, "if the user is in cell edit
 * mode the batch request is delayed until the user exits cell edit mode" instead of failing: a
 * build started while someone types in a cell waits for Enter or Esc. The documentation ties
 * the option to no requirement set; a host that does not know it fails the batch with
 * InvalidOperationInCellEditMode, which the pane turns into "finish the cell and try again"
 * (./failure), before anything is written when it is the first request.
 */
import type { ExcelRun } from "./pipeline";

export interface ExcelLike {
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export function paneRun(excel: ExcelLike): ExcelRun {
  return (batch) => excel.run({ delayForCellEdit: true }, batch);
}
