/**
 * The description's charts for the streamed .xlsx (ExcelJS cannot write charts): a DrawingML
 * chart part per chart, a drawing that anchors it, and the relationships and content types
 * that tie them to the sheet. The chart carries cached values, so viewers
 * draw it before any recalculation.
 */
import { parseCell, parseRange } from "../workbook/a1";
import type { ChartDescription, ChartSeries, SheetDescription } from "../workbook/types";
import { FONT } from "./styles";
import type { SheetWriter, StreamingWorkbook } from "./xlsx-stream";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const TYPE = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};
const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};
/** Colour by series: the municipality's two parts in two teals, the insurer in yellow, the total line dark. */
const COLORS = ["0F6E6E", "5FA8A8", "F2B632", "1F1F1F"];

const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The cached values of a range of the description (results of formulas, or constants). */
function cachedValues(sheet: SheetDescription, ref: string): (number | string)[] {
  const { top, left, bottom, right } = parseRange(ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, ""));
  const out: (number | string)[] = [];
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++) {
      const cell = sheet.cells[r - 1]?.[c - 1];
      const value = cell?.result ?? cell?.value ?? "";
      out.push(typeof value === "number" || typeof value === "string" ? value : String(value));
    }
  return out;
}

function numCache(values: (number | string)[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${typeof v === "number" ? v : 0}</c:v></c:pt>`).join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

/** A title's rich text in Calibri at `size` points (DrawingML counts hundredths). */
const richText = (text: string, size: number, bold: boolean) =>
  `<c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="nl-NL" sz="${size * 100}" b="${bold ? 1 : 0}"><a:latin typeface="${FONT.name}"/></a:rPr><a:t>${xml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/>`;

function seriesXml(chart: ChartDescription, sheet: SheetDescription, categories: (number | string)[], s: ChartSeries, i: number): string {
  const color = `<a:srgbClr val="${COLORS[i % COLORS.length]}"/>`;
  const look = s.line
    ? `<c:spPr><a:ln w="28575"><a:solidFill>${color}</a:solidFill></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="7"/><c:spPr><a:solidFill>${color}</a:solidFill></c:spPr></c:marker>`
    : `<c:spPr><a:solidFill>${color}</a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xml(s.name)}</c:v></c:tx>${look}` +
    `<c:cat><c:numRef><c:f>${xml(chart.categories)}</c:f>${numCache(categories)}</c:numRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xml(s.values)}</c:f>${numCache(cachedValues(sheet, s.values))}</c:numRef></c:val>${s.line ? '<c:smooth val="0"/>' : ""}</c:ser>`
  );
}

function chartXml(chart: ChartDescription, sheet: SheetDescription): string {
  const categories = cachedValues(sheet, chart.categories);
  const columns = chart.series.map((s, i) => (s.line ? "" : seriesXml(chart, sheet, categories, s, i))).join("");
  const lines = chart.series.map((s, i) => (s.line ? seriesXml(chart, sheet, categories, s, i) : "")).join("");
  const stacked = chart.type === "columnStacked";
  const axes = '<c:axId val="500001"/><c:axId val="500002"/>';
  // Chart text shrinks with the print scale like the cells: at their size it prints at 8 points or more.
  const labels = `<c:txPr><a:bodyPr/><a:p><a:pPr><a:defRPr sz="${FONT.size * 100}"><a:latin typeface="${FONT.name}"/></a:defRPr></a:pPr><a:endParaRPr lang="nl-NL"/></a:p></c:txPr>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title>${richText(chart.title, 14, true)}</c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${columns}` +
    `<c:gapWidth val="80"/>${stacked ? '<c:overlap val="100"/>' : ""}${axes}</c:barChart>` +
    (lines ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines}<c:marker val="1"/>${axes}</c:lineChart>` : "") +
    `<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/>${labels}<c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    // From 0: an axis that starts at the smallest year's cost makes a small difference look double.
    `<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:title>${richText(chart.valueAxisTitle, FONT.size, false)}</c:title><c:numFmt formatCode="&quot;€ &quot;#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/>${labels}<c:crossAx val="500001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>${labels}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function anchorXml(chart: ChartDescription, relId: string, index: number): string {
  const { row, col } = parseCell(chart.anchor.cell);
  const marker = (c: number, r: number) => `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${marker(col - 1, row - 1)}</xdr:from><xdr:to>${marker(col - 1 + chart.anchor.columns, row - 1 + chart.anchor.rows)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${xml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function relationships(items: { id: string; type: string; target: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}">${items.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("")}</Relationships>`;
}

/**
 * Ties a sheet's charts to its open worksheet writer: the chart and drawing parts go into the
 * zip now (their cached values come from this sheet, which is dropped once written), the sheet
 * gets a relationship to the drawing and its `<drawing>` element. Numbers charts and drawings
 * across the workbook, so use one per workbook.
 *
 * @example
 * const attach = chartAttacher(book);
 * await writeSheet(book, sheet, (ws) => attach(ws, sheet));
 */
export function chartAttacher(book: StreamingWorkbook): (ws: SheetWriter, sheet: SheetDescription) => void {
  let chartNumber = 0;
  let drawing = 0;
  return (ws, sheet) => {
    if (sheet.charts.length === 0) return;
    drawing++;
    const anchors: string[] = [];
    const drawingRels: { id: string; type: string; target: string }[] = [];
    sheet.charts.forEach((chart, i) => {
      chartNumber++;
      book.addPart(`xl/charts/chart${chartNumber}.xml`, chartXml(chart, sheet), CONTENT_TYPE.chart);
      drawingRels.push({ id: `rId${i + 1}`, type: TYPE.chart, target: `../charts/chart${chartNumber}.xml` });
      anchors.push(anchorXml(chart, `rId${i + 1}`, i));
    });
    book.addPart(`xl/drawings/drawing${drawing}.xml`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join("")}</xdr:wsDr>`, CONTENT_TYPE.drawing);
    book.addPart(`xl/drawings/_rels/drawing${drawing}.xml.rels`, relationships(drawingRels));
    const relId = ws._sheetRelsWriter.addRelationship({ Type: TYPE.drawing, Target: `../drawings/drawing${drawing}.xml` });
    // CT_Worksheet order: <drawing> comes after the page setup, header, footer and breaks, right
    // before <legacyDrawing>, which is where ExcelJS writes its legacy drawing.
    const writeLegacyData = ws._writeLegacyData.bind(ws);
    ws._writeLegacyData = () => {
      ws.stream.write(`<drawing r:id="${relId}"/>`);
      writeLegacyData();
    };
  };
}
