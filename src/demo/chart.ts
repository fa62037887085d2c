/**
 * The workbook's charts, drawn as SVG under the sheet: a column chart of the range the chart
 * was made from, with the value axis from 0. The in-memory host records a chart's first series
 * (its source range, named by the header above it); its categories are read from column A of
 * the same rows, where the generated sheets keep the year.
 */
import type { MemorySheet, MemoryWorkbook } from "../host/state";
import { parseRange } from "../workbook/a1";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 520;
const HEIGHT = 240;
const PAD = { left: 80, right: 16, top: 44, bottom: 36 };
const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

function svg(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** The axis' top: the maximum rounded up to 1, 2 or 5 times a power of ten, so the labels are round. */
function niceMax(max: number): number {
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].find((step) => step * power >= max) ?? 10) * power;
}

export function drawCharts(state: MemoryWorkbook, sheet: MemorySheet): SVGElement[] {
  return sheet.charts.map((chart) => {
    const address = chart.source.replace(/^.*!/, "").replace(/\$/g, "");
    const { top, left, bottom } = parseRange(address);
    const points: { label: string; value: number }[] = [];
    for (let r = top; r <= bottom; r++) {
      const value = state.valueAt(sheet, r, left);
      points.push({ label: String(state.valueAt(sheet, r, 1) ?? r), value: typeof value === "number" ? value : 0 });
    }
    const max = niceMax(Math.max(1, ...points.map((p) => p.value)));
    const series = String(state.valueAt(sheet, top - 1, left) ?? "").replace(/\s+/g, " ");
    const plotW = WIDTH - PAD.left - PAD.right;
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    const slot = plotW / Math.max(1, points.length);
    const figure = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: "img", class: "chart" });
    const label = `${chart.title} — ${series}: ${points.map((p) => `${p.label} ${euro.format(p.value)}`).join(", ")}`;
    figure.setAttribute("aria-label", label);
    figure.append(
      svg("title", {}, label),
      svg("text", { x: WIDTH / 2, y: 16, "text-anchor": "middle", class: "chart-title" }, chart.title),
      svg("rect", { x: PAD.left, y: 24, width: 10, height: 10, class: "chart-bar" }),
      svg("text", { x: PAD.left + 14, y: 33 }, series),
    );
    // The value axis starts at 0, so a bar twice as high is twice as much.
    for (const fraction of [0, 0.5, 1]) {
      const y = PAD.top + plotH * (1 - fraction);
      figure.append(svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, class: "chart-grid" }), svg("text", { x: PAD.left - 6, y: y + 4, "text-anchor": "end" }, euro.format(max * fraction)));
    }
    points.forEach((p, i) => {
      const h = (plotH * p.value) / max;
      const x = PAD.left + i * slot + slot * 0.2;
      figure.append(svg("rect", { x, y: PAD.top + plotH - h, width: slot * 0.6, height: h, class: "chart-bar" }), svg("text", { x: x + slot * 0.3, y: HEIGHT - PAD.bottom + 16, "text-anchor": "middle" }, p.label));
    });
    return figure;
  });
}
