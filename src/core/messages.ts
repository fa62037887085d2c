/**
 * Every message a user can see, in Dutch and English, in one place. `{name}` placeholders are
 * filled by `message()`.
 */
export type Language = "nl" | "en";

export const MESSAGES = {
  required: { nl: "{arg} ontbreekt", en: "{arg} is missing" },
  notANumber: { nl: "{arg}: verwacht een getal, niet “{value}”", en: "{arg}: expects a number, not “{value}”" },
  notANumberBoolean: { nl: "{arg}: verwacht een getal, niet WAAR/ONWAAR", en: "{arg}: expects a number, not TRUE/FALSE" },
  notASingleValue: { nl: "{arg}: verwacht één waarde, geen bereik", en: "{arg}: expects one value, not a range" },
  negative: { nl: "{arg}: mag niet negatief zijn ({value})", en: "{arg}: must not be negative ({value})" },
  notPositive: { nl: "{arg}: moet groter dan 0 zijn ({value})", en: "{arg}: must be greater than 0 ({value})" },
  tooLarge: { nl: "{arg}: mag niet groter zijn dan {max} ({value})", en: "{arg}: must be at most {max} ({value})" },
  notWhole: { nl: "{arg}: moet een geheel getal zijn ({value})", en: "{arg}: must be a whole number ({value})" },
  notABoolean: { nl: "{arg}: verwacht WAAR of ONWAAR, niet “{value}”", en: "{arg}: expects TRUE or FALSE, not “{value}”" },
  unknownModel: {
    nl: "{arg}: onbekend model “{value}”; kies basis, aanvullend, extra of een percentage van 0 tot 1",
    en: "{arg}: unknown model “{value}”; use basis, aanvullend, extra or a rate from 0 to 1",
  },
  notAPercentage: {
    nl: "{arg}: verwacht een percentage van 0% tot 100% (zoals 75%, 75 of 0,75), niet “{value}”",
    en: "{arg}: expects a percentage from 0% to 100% (such as 75%, 75 or 0.75), not “{value}”",
  },
  rateOutOfRange: { nl: "{arg}: een percentage ligt tussen 0 en 1 ({value})", en: "{arg}: a rate lies between 0 and 1 ({value})" },
  unknownPart: {
    nl: "{arg}: onbekend deel “{value}”; kies gemeente of verzekeraar",
    en: "{arg}: unknown part “{value}”; use municipality or insurer",
  },
  // CSV import: each reported with its row number and column.
  emptyFile: { nl: "het bestand is leeg", en: "the file is empty" },
  missingColumn: {
    nl: "kolom “{column}” ontbreekt (verwacht o.a.: praktijk, agb, patienten; gevonden: {found})",
    en: "column “{column}” is missing (expected among others: practice, agb, patients; found: {found})",
  },
  duplicateColumn: { nl: "kolom “{column}” staat er twee keer in", en: "column “{column}” appears twice" },
  tooManyFields: {
    nl: "{count} velden, de kop heeft er {expected}: klopt het scheidingsteken (; of ,)?",
    en: "{count} fields where the header has {expected}: is the separator (; or ,) right?",
  },
  unknownModelColumn: {
    nl: "{arg}: onbekend model “{value}”; kies Basis, Aanvullend of Extra (VPG h. 6)",
    en: "{arg}: unknown model “{value}”; use Basis, Aanvullend or Extra (VPG ch. 6)",
  },
  missingName: { nl: "de naam van de praktijk ontbreekt", en: "the practice name is missing" },
  missingAgb: { nl: "de AGB-code ontbreekt", en: "the AGB code is missing" },
  agbSevenDigits: {
    nl: "AGB-code “{value}” heeft 7 cijfers; Excel laat vaak de voorloopnul weg (bedoeld: 0{value}?)",
    en: "AGB code “{value}” has 7 digits; Excel often drops the leading zero (meant 0{value}?)",
  },
  agbMalformed: { nl: "AGB-code “{value}” is geen 8 cijfers", en: "AGB code “{value}” is not 8 digits" },
  agbDuplicate: { nl: "AGB-code {value} staat ook op rij {first}", en: "AGB code {value} is also on row {first}" },
  missingValue: { nl: "{arg} ontbreekt", en: "{arg} is missing" },
  badDate: { nl: "{arg}: “{value}” is geen datum (dd-mm-jjjj of jjjj-mm-dd)", en: "{arg}: “{value}” is not a date (dd-mm-yyyy or yyyy-mm-dd)" },
  impossibleDate: { nl: "{arg}: {value} bestaat niet", en: "{arg}: {value} does not exist" },
  endBeforeStart: { nl: "einddatum {end} ligt voor startdatum {start}", en: "end date {end} is before start date {start}" },
  notText: { nl: "het bestand is geen tekst (CSV)", en: "the file is not text (CSV)" },
  noPractices: {
    nl: "het bestand heeft geen praktijken: alleen een kopregel of lege regels",
    en: "the file holds no practices: only a header or blank lines",
  },
  unclosedQuote: {
    nl: "het aanhalingsteken (\") dat op deze rij een veld opent, wordt nergens gesloten; sluit of verwijder het",
    en: "the quote (\") that opens a field on this row is never closed; close or remove it",
  },
  strayQuote: {
    nl: "een aanhalingsteken (\") staat midden in een veld: het veld opent op deze rij met \" en gaat na het sluitende \" op rij {at} verder; zet \"\" voor een \" binnen een veld, of verwijder het",
    en: "a quote (\") stands in the middle of a field: the field opens with \" on this row and goes on after the closing \" on row {at}; write \"\" for a \" inside a field, or remove it",
  },
  notUtf8Line: { nl: "geen UTF-8, gelezen als Windows-1252", en: "not UTF-8, read as Windows-1252" },
  oneColumnHeader: {
    nl: "de kopregel is één kolom (“{found}”): scheid de kolommen met ; , of tab",
    en: "the header is one column (“{found}”): separate the columns with ; , or tab",
  },
  tooFewFields: {
    nl: "{count} veld, de kop heeft er {expected}: klopt het scheidingsteken (; , of tab)?",
    en: "{count} field where the header has {expected}: is the separator (; , or tab) right?",
  },
  textTooLong: { nl: "{arg}: langer dan {max} tekens ({length} tekens)", en: "{arg}: longer than {max} characters ({length} characters)" },
  removedCharacters: {
    nl: "{arg}: {count} teken(s) weggelaten die een werkmap niet kan bewaren (stuurtekens, U+FFFE, U+FFFF)",
    en: "{arg}: left out {count} character(s) a workbook cannot hold (control characters, U+FFFE, U+FFFF)",
  },
  // Command line
  unknownFlag: { nl: "onbekende optie {arg}; zie poh-budget --help", en: "unknown option {arg}; see poh-budget --help" },
  flagNeedsValue: { nl: "{arg} heeft een waarde nodig", en: "{arg} needs a value" },
  flagTakesNoValue: { nl: "{arg} neemt geen waarde (schrijf alleen {arg})", en: "{arg} takes no value (write just {arg})" },
  fileNotReadable: { nl: "{arg}: “{value}” kan niet worden gelezen ({reason})", en: "{arg}: “{value}” cannot be read ({reason})" },
  fileTooLarge: { nl: "{arg}: “{value}” is {size} MB; een praktijkenbestand is hooguit {max} MB", en: "{arg}: “{value}” is {size} MB; a practices file is at most {max} MB" },
  tooLargeForMemory: {
    nl: "{count} praktijken × {years} jaar vraagt naar schatting {need} MB werkgeheugen; dit proces mag {limit} MB gebruiken. Kies minder jaren, verdeel de praktijken, of geef Node meer (NODE_OPTIONS=--max-old-space-size=…)",
    en: "{count} practices × {years} years need an estimated {need} MB of memory; this process may use {limit} MB. Choose fewer years, split the practices, or give Node more (NODE_OPTIONS=--max-old-space-size=…)",
  },
  unknownScheme: { nl: "{arg}: onbekende regeling “{value}”; kies vpg, flevoland of custom", en: "{arg}: unknown scheme “{value}”; use vpg, flevoland or custom" },
  unknownSample: { nl: "{arg}: onbekend voorbeeld “{value}”; kies polderland of vpg", en: "{arg}: unknown sample “{value}”; use polderland or vpg" },
  badIndex: {
    nl: "{arg}: “{value}” is geen index; schrijf 3,2% voor alle latere jaren of 2027=3,2% voor één jaar",
    en: "{arg}: “{value}” is not an index; write 3.2% for all later years or 2027=3.2% for one year",
  },
  badBudgetFlag: { nl: "{arg}: verwacht jaar=bedrag, bijvoorbeeld 2027=120000, niet “{value}”", en: "{arg}: expects year=amount, e.g. 2027=120000, not “{value}”" },
  budgetYearOutside: { nl: "{arg}: jaar {value} ligt niet in de raming ({first}–{last})", en: "{arg}: year {value} is not a year of the forecast ({first}–{last})" },
  indexYearOutside: { nl: "{arg}: jaar {value} ligt niet na het begrotingsjaar binnen de raming ({first}–{last})", en: "{arg}: year {value} is not a later year of the forecast ({first}–{last})" },
  fileNotFound: { nl: "{arg}: bestand “{value}” bestaat niet", en: "{arg}: file “{value}” does not exist" },
  folderNotFound: { nl: "{arg}: map “{value}” bestaat niet", en: "{arg}: folder “{value}” does not exist" },
  notXlsx: { nl: "{arg}: de uitvoer moet op .xlsx eindigen (“{value}”)", en: "{arg}: the output must end in .xlsx (“{value}”)" },
  importFailed: { nl: "{count} fout(en) in {file}; er is niets geschreven.", en: "{count} error(s) in {file}; nothing was written." },
  rowProblem: { nl: "Rij {row}: {text}", en: "Row {row}: {text}" },
  outOfRange: { nl: "{arg}: kies een waarde van {min} tot {max} ({value})", en: "{arg}: choose a value from {min} to {max} ({value})" },
  notAllowed: { nl: "{arg}: kies een van {allowed} ({value})", en: "{arg}: choose one of {allowed} ({value})" },
  percentNotAllowed: { nl: "{arg}: verwacht een bedrag of aantal, geen percentage (“{value}”)", en: "{arg}: expects an amount or count, not a percentage (“{value}”)" },
  unknownLanguage: { nl: "{arg}: onbekende taal “{value}”; kies nl of en", en: "{arg}: unknown language “{value}”; use nl or en" },
  // Where the output goes: refused before anything is built (exit 2)
  outputIsInput: { nl: "{arg}: “{value}” is ook een invoerbestand; kies een andere naam (of --force)", en: "{arg}: “{value}” is also an input file; choose another name (or --force)" },
  targetExists: { nl: "{arg}: “{value}” bestaat al; kies een andere naam (of --force om het te vervangen)", en: "{arg}: “{value}” already exists; choose another name (or --force to replace it)" },
  targetIsDirectory: { nl: "{arg}: “{value}” is een map, geen bestand", en: "{arg}: “{value}” is a folder, not a file" },
  targetNotAFile: { nl: "{arg}: “{value}” is geen gewoon bestand", en: "{arg}: “{value}” is not a regular file" },
  targetReadOnly: {
    nl: "{arg}: “{value}” is alleen-lezen; gebruik --force om het toch te vervangen (de rechten blijven)",
    en: "{arg}: “{value}” is read-only; use --force to replace it anyway (its permissions are kept)",
  },
  targetIsLink: {
    nl: "{arg}: “{value}” is een koppeling naar {link}; gebruik --force om dat bestand te vervangen",
    en: "{arg}: “{value}” is a link to {link}; use --force to replace that file",
  },
  targetDanglingLink: { nl: "{arg}: “{value}” is een koppeling naar een bestand dat niet bestaat", en: "{arg}: “{value}” is a link to a file that does not exist" },
  tooManyPractices: {
    nl: "{count} praktijken is meer dan de {max} die één werkmap kan bevatten; verdeel de praktijken over meer bestanden",
    en: "{count} practices is more than the {max} one workbook can hold; split the practices over several files",
  },
  // Writing the output failed (exit 4); {outcome} is keptOld or nothingWritten
  diskFull: { nl: "Kan “{path}” niet schrijven: de schijf is vol. {outcome}", en: "Cannot write “{path}”: the disk is full. {outcome}" },
  folderNotWritable: { nl: "Kan niet schrijven in de map “{path}” ({reason}). {outcome}", en: "Cannot write in the folder “{path}” ({reason}). {outcome}" },
  shortWrite: { nl: "Kan “{path}” niet schrijven: {written} van {expected} bytes kwamen op schijf. {outcome}", en: "Cannot write “{path}”: {written} of {expected} bytes reached the disk. {outcome}" },
  incompleteFile: { nl: "Het nieuwe bestand voor “{path}” is onvolledig ({reason}). {outcome}", en: "The new file for “{path}” is incomplete ({reason}). {outcome}" },
  writeFailed: { nl: "Kan “{path}” niet schrijven: {reason}. {outcome}", en: "Cannot write “{path}”: {reason}. {outcome}" },
  keptOld: { nl: "Het bestaande bestand is niet gewijzigd.", en: "The existing file has not been changed." },
  nothingWritten: { nl: "Er is niets geschreven.", en: "Nothing was written." },
  // Reading back a workbook the command made (poh-budget --out existing.xlsx, --update)
  notOurWorkbook: {
    nl: "{arg}: “{value}” is geen werkmap van poh-budget ({reason}); het bestand is niet gewijzigd. Gebruik --force om het te vervangen door een nieuwe begroting",
    en: "{arg}: “{value}” is not a workbook made by poh-budget ({reason}); the file has not been changed. Use --force to replace it with a new budget",
  },
  updateNotOurWorkbook: {
    nl: "{arg}: “{value}” is geen werkmap van poh-budget ({reason}); er is niets om uit op te bouwen",
    en: "{arg}: “{value}” is not a workbook made by poh-budget ({reason}); there is nothing to rebuild from",
  },
  workbookMadeBy: { nl: "gemaakt door “{creator}”", en: "made by “{creator}”" },
  workbookNoCreator: { nl: "er staat geen maker in", en: "it names no creator" },
  workbookNoInputSheets: { nl: "de bladen Uitgangspunten en Praktijken ontbreken", en: "the Uitgangspunten and Praktijken sheets are missing" },
  workbookUnreadable: { nl: "geen leesbare .xlsx: {detail}", en: "not a readable .xlsx: {detail}" },
  workbookTooLarge: { nl: "te groot om te lezen: {detail}", en: "too large to read: {detail}" },
  workbookRead: { nl: "Gelezen uit {file}: {what}", en: "Read from {file}: {what}" },
  fromCommandLine: { nl: "Van de opdrachtregel: {list}", en: "From the command line: {list}" },
  overriddenValue: { nl: "{name} {value} (werkmap: {was})", en: "{name} {value} (workbook: {was})" },
  staleTemporaryRemoved: { nl: "Tijdelijk bestand van een afgebroken run verwijderd: {path}", en: "Removed a temporary file left by an interrupted run: {path}" },
  // Building in Excel
  sheetTaken: {
    nl: "Er staat al een blad “{name}” dat niet door deze invoegtoepassing is gemaakt. Geef dat blad een andere naam en probeer het opnieuw.",
    en: "There is already a sheet “{name}” that this add-in did not make. Rename that sheet and try again.",
  },
  buildFailed: {
    nl: "De begroting kon niet worden opgebouwd (stap: {step}). Melding van Excel: “{detail}”.",
    en: "The budget could not be built (step: {step}). Excel said: “{detail}”.",
  },
  noBudget: {
    nl: "Deze werkmap heeft nog geen blad Uitgangspunten of Praktijken. Maak eerst een nieuwe begroting.",
    en: "This workbook has no Uitgangspunten or Praktijken sheet yet. Start a new budget first.",
  },
  missingParameter: { nl: "parameter {arg} ontbreekt op Uitgangspunten", en: "parameter {arg} is missing from Uitgangspunten" },
  sheetPasswordProtected: {
    nl: "Het blad “{name}” is beveiligd met een wachtwoord; de invoegtoepassing kan het daardoor niet bijwerken. Hef de beveiliging op (Controleren > Beveiliging blad opheffen) en probeer het opnieuw; de nieuwe bladen worden weer beveiligd, zonder wachtwoord. Er is niets gewijzigd.",
    en: "The sheet “{name}” is protected with a password, so the add-in cannot update it. Unprotect it (Review > Unprotect Sheet) and try again; the new sheets are protected again, without a password. Nothing has been changed.",
  },
  // After a failed build: what the read-back of the workbook shows (the pane never assumes it)
  buildNothingWritten: { nl: "Er is nog niets geschreven.", en: "Nothing had been written yet." },
  buildOutcomeOld: { nl: "Nagelezen: de werkmap is zoals hij was vóór het opbouwen.", en: "Read back: the workbook is as it was before the build." },
  buildOutcomeNew: {
    nl: "Nagelezen: de nieuwe begroting staat er toch volledig in ({sheets} bladen); de fout kwam bij het afronden, en dat is opnieuw gedaan.",
    en: "Read back: the new budget is in place after all ({sheets} sheets); the error came while finishing, and that was done again.",
  },
  buildOutcomePartial: {
    nl: "Nagelezen: de werkmap is niet helemaal hersteld ({what}). Bouw de begroting opnieuw op; dat ruimt dit op.",
    en: "Read back: the workbook has not been fully repaired ({what}). Rebuild the budget; that clears this up.",
  },
  buildOutcomeLeftovers: { nl: "er staan nog bladen die weg moeten: {names}", en: "sheets that should be gone are still there: {names}" },
  buildOutcomeMissing: { nl: "er ontbreken bladen: {names}", en: "sheets are missing: {names}" },
  buildOutcomeUnprotected: { nl: "niet beveiligd: {names}", en: "not protected: {names}" },
  buildOutcomeUnknown: {
    nl: "De werkmap kon daarna niet worden nagelezen; controleer de bladen, of bouw de begroting opnieuw op.",
    en: "The workbook could not be read back afterwards; check the sheets, or rebuild the budget.",
  },
  cleanupFailed: { nl: "Ook het herstel daarna mislukte: “{detail}”.", en: "The repair after it failed too: “{detail}”." },
  cellEditMode: {
    nl: "Excel is bezig met het bewerken van een cel; rond die af (Enter of Esc) en probeer het opnieuw",
    en: "Excel is editing a cell; finish it (Enter or Esc) and try again",
  },
} as const;

export type MessageKey = keyof typeof MESSAGES;
export type MessageParams = Record<string, string | number>;

/**
 * Fills in a message in the given language.
 *
 * @example
 * message("nl", "negative", { arg: "uren_per_week", value: -1 }) // "uren_per_week: mag niet negatief zijn (-1)"
 */
export function message(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return fillTemplate(MESSAGES[key][language], params);
}

/** Fills `{name}` placeholders; a missing one stays visible. @example fillTemplate("{a}!", { a: 1 }) // "1!" */
export function fillTemplate(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Dutch unless the display language is English (PRODUCT.md: the users live in Excel, in Dutch). */
export function languageOf(displayLanguage: string | undefined | null): Language {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en" : "nl";
}
