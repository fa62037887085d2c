/** Text in SpreadsheetML parts: entities, `_xHHHH_` escapes, attributes and string items. */

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML character references and entities decoded. @example decodeXml("a &amp; b") // "a & b" */
export function decodeXml(text: string): string {
  return text.replace(ENTITY, (whole, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return NAMED[named];
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** OOXML's `_xHHHH_` escapes in cell text (ST_Xstring): `_x000D_` is a carriage return, `_x005F_` a literal underscore. */
export function decodeEscapes(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** The attributes of a start tag, decoded. @example attributes('<c r="A1" t="s">').get("t") // "s" */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], decodeXml(m[2] ?? m[3]));
  return out;
}

/** The text of a string item (`<si>`, `<is>`): every `<t>` outside phonetic runs, joined. */
export function itemText(xml: string): string {
  const withoutPhonetic = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/\1?rPh>/g, "");
  let text = "";
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += m[1];
  return decodeEscapes(decodeXml(text));
}

