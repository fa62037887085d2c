/**
 * The workbook's charts, drawn as SVG under the sheet, with the value axis from 0: every series
 * the build added (stacked columns, and a series turned into a line drawn as one with markers),
 * named as the build named them; the categories are read from column A of the first series'
 * rows, where the generated sheets keep the year.
 */
import type { MemorySheet, MemoryWorkbook } from "../host/state";
import { chartDetailsOf } from "../host/worksheet";
import { parseRange } from "../workbook/a1";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 520;
const HEIGHT = 240;
const PAD = { left: 80, right: 16, top: 30, bottom: 24 };
const LEGEND_LINE = 16;
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

interface Series {
  name: string;
  line: boolean;
  values: number[];
}

/** The chart's series as the host recorded them: the source range first, then each `setValues`, named as the build named them. */
function seriesOf(state: MemoryWorkbook, sheet: MemorySheet, chart: MemorySheet["charts"][number]): { labels: string[]; series: Series[] } {
  const details = chartDetailsOf(chart);
  const sources = chart.source.split(";").map((ref) => parseRange(ref.replace(/^.*!/, "").replace(/\$/g, "")));
  const { top, bottom } = sources[0];
  const labels = Array.from({ length: bottom - top + 1 }, (_, i) => String(state.valueAt(sheet, top + i, 1) ?? top + i));
  const series = sources.map((box, i) => ({
    name: details.series[i]?.name || String(state.valueAt(sheet, box.top - 1, box.left) ?? "").replace(/\s+/g, " "),
    line: /^Line/.test(details.series[i]?.chartType ?? ""),
    values: Array.from({ length: box.bottom - box.top + 1 }, (_, r) => {
      const value = state.valueAt(sheet, box.top + r, box.left);
      return typeof value === "number" ? value : 0;
    }),
  }));
  return { labels, series };
}

export function drawCharts(state: MemoryWorkbook, sheet: MemorySheet): SVGElement[] {
  return sheet.charts.map((chart) => {
    const { labels, series } = seriesOf(state, sheet, chart);
    const columns = series.filter((s) => !s.line);
    const stacked = chart.type === "ColumnStacked";
    const height = (i: number) => (stacked ? columns.reduce((n, s) => n + s.values[i], 0) : Math.max(0, ...columns.map((s) => s.values[i])));
    const max = niceMax(Math.max(1, ...labels.map((_, i) => height(i)), ...series.filter((s) => s.line).flatMap((s) => s.values)));
    const plotW = WIDTH - PAD.left - PAD.right;
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    // The legend goes under the categories, one series per line: long Dutch names never overlap.
    const legendTop = HEIGHT + 4;
    const total = legendTop + series.length * LEGEND_LINE;
    const slot = plotW / Math.max(1, labels.length);
    const y = (value: number) => PAD.top + plotH * (1 - value / max);
    const figure = svg("svg", { viewBox: `0 0 ${WIDTH} ${total}`, width: WIDTH, height: total, role: "img", class: "chart" });
    const label = `${chart.title}. ${series.map((s) => `${s.name}: ${labels.map((l, i) => `${l} ${euro.format(s.values[i])}`).join(", ")}`).join(". ")}`;
    figure.setAttribute("aria-label", label);
    figure.append(svg("title", {}, label), svg("text", { x: WIDTH / 2, y: 14, "text-anchor": "middle", class: "chart-title" }, chart.title));
    series.forEach((s, k) => {
      const at = legendTop + k * LEGEND_LINE;
      figure.append(s.line ? svg("line", { x1: PAD.left, x2: PAD.left + 12, y1: at + 5, y2: at + 5, class: "chart-line" }) : svg("rect", { x: PAD.left, y: at, width: 10, height: 10, class: `chart-bar chart-bar-${k}` }), svg("text", { x: PAD.left + 16, y: at + 9 }, s.name));
    });
    // The value axis starts at 0, so a bar twice as high is twice as much.
    for (const fraction of [0, 0.5, 1]) {
      const at = PAD.top + plotH * (1 - fraction);
      figure.append(svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: at, y2: at, class: "chart-grid" }), svg("text", { x: PAD.left - 6, y: at + 4, "text-anchor": "end" }, euro.format(max * fraction)));
    }
    labels.forEach((text, i) => {
      const width = (slot * 0.6) / (stacked ? 1 : Math.max(1, columns.length));
      let base = 0;
      columns.forEach((s, k) => {
        const x = PAD.left + i * slot + slot * 0.2 + (stacked ? 0 : k * width);
        const from = stacked ? base : 0;
        figure.append(svg("rect", { x, y: y(from + s.values[i]), width, height: y(from) - y(from + s.values[i]), class: `chart-bar chart-bar-${series.indexOf(s)}` }));
        if (stacked) base += s.values[i];
      });
      figure.append(svg("text", { x: PAD.left + i * slot + slot * 0.5, y: HEIGHT - PAD.bottom + 14, "text-anchor": "middle" }, text));
    });
    for (const s of series.filter((line) => line.line)) {
      const points = s.values.map((v, i) => `${PAD.left + i * slot + slot * 0.5},${y(v)}`).join(" ");
      figure.append(svg("polyline", { points, class: "chart-line" }), ...s.values.map((v, i) => svg("circle", { cx: PAD.left + i * slot + slot * 0.5, cy: y(v), r: 3, class: "chart-marker" })));
    }
    return figure;
  });
}
