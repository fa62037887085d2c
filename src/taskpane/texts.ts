/** Every label of the task pane, in Dutch and English. */
import { fillTemplate, type Language } from "../core/messages";

export const TEXTS = {
  title: { nl: "POH-GGZ Jeugd begroting", en: "POH-GGZ Youth budget" },
  intro: {
    nl: "Begroot de POH-GGZ Jeugd voor alle huisartsenpraktijken van de gemeente. Alle bedragen zijn formules in de werkmap.",
    en: "Budget the youth practice nurse for every GP practice of the municipality. Every amount is a formula in the workbook.",
  },
  newBudget: { nl: "Nieuwe begroting", en: "New budget" },
  scheme: { nl: "Regeling", en: "Scheme" },
  budgetYear: { nl: "Begrotingsjaar", en: "Budget year" },
  years: { nl: "Jaren in de meerjarenraming", en: "Years in the forecast" },
  hourlyCost: { nl: "Kosten formatie per uur (€)", en: "Formation cost per hour (€)" },
  withSample: { nl: "Met de voorbeeldpraktijken (gemeente Polderland)", en: "With the sample practices (Polderland)" },
  create: { nl: "Maak begroting", en: "Create budget" },
  practices: { nl: "Praktijken", en: "Practices" },
  practicesHelp: {
    nl: "Typ in het blad Praktijken, of lees een CSV-bestand in (; , of tab gescheiden, Nederlandse of Engelse kolomnamen). Geplakte tekst gaat voor een gekozen bestand. Is er nog geen begroting, dan maakt inlezen er een met de instellingen van Nieuwe begroting.",
    en: "Type into the Praktijken sheet, or import a CSV file (; , or tab separated, Dutch or English headers). Pasted text goes before a chosen file. Without a budget yet, importing creates one with the settings of New budget.",
  },
  csvFile: { nl: "CSV-bestand", en: "CSV file" },
  csvPaste: { nl: "Of plak de CSV hier", en: "Or paste the CSV here" },
  import: { nl: "Praktijken inlezen", en: "Import practices" },
  rebuildTitle: { nl: "Begroting", en: "Budget" },
  rebuildHelp: {
    nl: "Bouw de begroting opnieuw op na wijzigingen in Uitgangspunten of Praktijken. Wat u op Uitbetalingen invulde blijft bewaard, ook van een praktijk die u verwijderde (onderaan, gemeld op Controle).",
    en: "Rebuild the budget after changing Uitgangspunten or Praktijken. What you typed on Uitbetalingen is kept, also for a practice you removed (at the bottom, named on Controle).",
  },
  rebuild: { nl: "Begroting opnieuw opbouwen", en: "Rebuild budget" },
  progress: { nl: "Voortgang", en: "Progress" },
  // What a build did, with the time and what it read, so a second rebuild does not say the same.
  builtNew: { nl: "Klaar om {time}: nieuwe begroting met {practices}; {sheets} bladen geschreven. Zie {sheet}.", en: "Done at {time}: new budget with {practices}; {sheets} sheets written. See {sheet}." },
  builtRebuild: { nl: "Klaar om {time}: {practices} gelezen van Praktijken; {sheets} bladen herschreven. Zie {sheet}.", en: "Done at {time}: {practices} read from Praktijken; {sheets} sheets rewritten. See {sheet}." },
  builtImport: { nl: "Klaar om {time}: {practices} ingelezen uit {source}; {sheets} bladen herschreven. Zie {sheet}.", en: "Done at {time}: {practices} imported from {source}; {sheets} sheets rewritten. See {sheet}." },
  builtImportNew: {
    nl: "Klaar om {time}: nieuwe begroting ({scheme}) met {practices} uit {source}; {sheets} bladen geschreven. Zie {sheet}.",
    en: "Done at {time}: new budget ({scheme}) with {practices} from {source}; {sheets} sheets written. See {sheet}.",
  },
  buildNumber: { nl: " (opbouw {n})", en: " (build {n})" },
  was: { nl: "{now} (was {before})", en: "{now} (was {before})" },
  practiceOne: { nl: "1 praktijk", en: "1 practice" },
  practiceMany: { nl: "{n} praktijken", en: "{n} practices" },
  sourceFile: { nl: "het bestand {name}", en: "the file {name}" },
  sourcePaste: { nl: "de geplakte tekst", en: "the pasted text" },
  fileNotUsed: { nl: " Het gekozen bestand {name} is niet gebruikt: de geplakte tekst gaat voor.", en: " The chosen file {name} was not used: pasted text goes first." },
  // A rejected field says what it takes; {value} is what was typed ("leeg" when nothing).
  badYear: { nl: "{label}: kies een jaar van {min} tot {max} (nu: {value})", en: "{label}: choose a year from {min} to {max} (now: {value})" },
  badYears: { nl: "{label}: kies een aantal van {min} tot {max} (nu: {value})", en: "{label}: choose a number from {min} to {max} (now: {value})" },
  badAmount: {
    nl: "{label}: vul een bedrag in van {min} tot {max}, met hoogstens twee decimalen, zoals 52,50 (nu: {value})",
    en: "{label}: enter an amount from {min} to {max}, with at most two decimals, such as 52.50 (now: {value})",
  },
  empty: { nl: "leeg", en: "empty" },
  fieldsTitle: { nl: "Controleer de invoer", en: "Check what you entered" },
  fieldHint: { nl: "Kies een melding om naar het veld te gaan.", en: "Choose a message to go to the field." },
  problemsTitle: { nl: "Eerst oplossen", en: "To fix first" },
  warningsTitle: { nl: "Ingelezen, met deze aanpassingen", en: "Imported, with these changes" },
  problemHint: { nl: "Kies een melding om de cel te selecteren.", en: "Choose a message to select the cell." },
  confirmEdited: {
    nl: "Deze bladen zijn met de hand gewijzigd; opnieuw opbouwen overschrijft die wijzigingen:",
    en: "These sheets were edited by hand; rebuilding overwrites those edits:",
  },
  confirmReplace: {
    nl: "Er staat al een begroting in deze werkmap. Een nieuwe begroting vervangt alle bladen van de vorige, ook Uitbetalingen.",
    en: "This workbook already holds a budget. A new budget replaces all of its sheets, Uitbetalingen included.",
  },
  confirmPractices: {
    nl: "Praktijken heeft nu {current} ingevulde praktijk(en). Inlezen vervangt die door de {read} praktijk(en) uit het bestand. Betalingen op Uitbetalingen blijven bewaard, ook van praktijken die niet in het bestand staan.",
    en: "Praktijken now holds {current} practice(s). Importing replaces them by the {read} practice(s) in the file. Payments on Uitbetalingen are kept, also those of practices not in the file.",
  },
  proceed: { nl: "Toch doorgaan", en: "Go ahead" },
  cancel: { nl: "Annuleren", en: "Cancel" },
  cancelled: { nl: "Geannuleerd om {time}: niets gewijzigd.", en: "Cancelled at {time}: nothing changed." },
  noFile: { nl: "Kies een CSV-bestand of plak de CSV.", en: "Choose a CSV file or paste the CSV." },
  working: { nl: "Bezig: {step}… ({percent}%)", en: "Working: {step}… ({percent}%)" },
  notInExcel: { nl: "Open deze invoegtoepassing in Excel.", en: "Open this add-in in Excel." },
  // Start-up without Office (taskpane.ts): said instead of "Laden…" so the user knows what to do.
  officeMissing: {
    nl: "office.js kon niet worden geladen. Controleer de internetverbinding (appsforoffice.microsoft.com moet bereikbaar zijn) en open het deelvenster opnieuw.",
    en: "office.js could not be loaded. Check the internet connection (appsforoffice.microsoft.com must be reachable) and open the pane again.",
  },
  officeSilent: {
    nl: "office.js kon niet worden geladen: Office gaf binnen {seconds} seconden geen antwoord. Open deze invoegtoepassing in Excel, of sluit het deelvenster en open het opnieuw.",
    en: "office.js could not be loaded: Office did not answer within {seconds} seconds. Open this add-in in Excel, or close the pane and open it again.",
  },
  startFailed: { nl: "Het deelvenster kon niet starten: {message}", en: "The pane could not start: {message}" },
} as const;

export type TextKey = keyof typeof TEXTS;

/** @example text("nl", "practiceMany", { n: 12 }) // "12 praktijken" */
export function text(language: Language, key: TextKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(TEXTS[key][language], params);
}
