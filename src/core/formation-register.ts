/**
 * The formation rows of Uitbetalingen (issue 11.2): after the compensation rows, per year each
 * practice's instalments (its municipality part on the schedule), paid to its employer, then as
 * many per free row of Praktijken. Mirrors the formation formulas of src/workbook/formation-row.ts.
 */
import type { BudgetYear } from "./budget";
import { ZERO as ZERO_HOURS, type Dec } from "./decimal";
import { formationKind, instalments, type Schedule } from "./formation-schedule";
import type { Signal } from "./payment-signals";
import { NO_PAYMENT, payoutKey, rowStatus, freeRow, type PaymentRecord, type RegisterRow } from "./payouts";
import { monthlyWeeklyHours } from "./rules";
import { payee, type IsoDate } from "./types";

export interface FormationContext {
  /** Per year, the first line of each AGB code (as MATCH finds it). */
  firstLine: ReadonlyMap<number, ReadonlyMap<string, number>>;
  freeRows: number;
  schedule: Schedule;
  capacityHours: string;
  /** The keys the register has a row for (each formation row's key is added). */
  taken: Set<string>;
  signals: (due: Dec | null, dueDate: IsoDate | null, record: PaymentRecord) => Signal[];
}

/**
 * The month hours of line `index` of `year` after redistribution, as Begroting W:AH has them.
 *
 * @example lineMonthHours(year, 0, "0")[0].toString() // "1.7"
 */
export function lineMonthHours(year: BudgetYear, index: number, capacityHours: string): Dec[] {
  const line = year.lines[index];
  return monthlyWeeklyHours(line.entitledHours, line.span, capacityHours, year.months.map((m) => m.entitled));
}

/**
 * The formation rows of every year: each practice's instalments (looked up, like the sheet, on
 * the first line with its AGB code), then `freeRows` × instalments free rows.
 *
 * @example
 * formationRows(forecast(params, [a], 2026, 1), new Map(), context).map((r) => r.kind) // ["Formatie K1", …, "Formatie K4"]
 */
export function formationRows(years: readonly BudgetYear[], payments: ReadonlyMap<string, PaymentRecord>, context: FormationContext): RegisterRow[] {
  const { schedule, taken } = context;
  const rows: RegisterRow[] = [];
  for (const y of years) {
    const first = context.firstLine.get(y.year)!;
    for (const own of y.lines) {
      const agb = own.practice.agb;
      const index = first.get(agb)!;
      const line = y.lines[index];
      const parts = instalments(line.municipalityPart, lineMonthHours(y, index, context.capacityHours), schedule, y.year);
      for (const p of parts) {
        const key = payoutKey(agb, y.year, p.kind);
        const record = payments.get(key) ?? NO_PAYMENT;
        taken.add(key);
        rows.push({
          free: null,
          line: index,
          year: y.year,
          agb,
          name: own.practice.name,
          kind: p.kind,
          // NOP: one practice acts as employer of the POH for the others; the municipality pays it.
          // The employer of the line the AGB code finds, else the row's own practice (as the sheet reads it).
          payee: line.practice.employer ? payee(line.practice) : own.practice.name,
          instalment: { k: p.k, cumulativeHours: p.cumulativeHours, totalHours: p.totalHours },
          due: p.amount,
          dueDate: p.dueDate,
          record,
          orphan: false,
          budgeted: true,
          status: rowStatus(agb, p.amount, record),
          signals: context.signals(p.amount, p.dueDate, record),
        });
      }
    }
    for (let i = 0; i < context.freeRows; i++) {
      for (let k = 1; k <= schedule.perYear; k++) rows.push(freeRow(i, y.year, formationKind(schedule, k), { k, cumulativeHours: ZERO_HOURS, totalHours: ZERO_HOURS }));
    }
  }
  return rows;
}
