/** Issue 11.1 and 11.6: the optional employer and own-rate columns of the practices CSV. */
import { parsePercentText } from "../../src/core/numbers";
import { formatProblem, importPractices } from "../../src/import/practices";

const csv = (rows: string[], header = "praktijk;agb;patienten;werkgever;vergoedingspercentage") => [header, ...rows].join("\n");

describe("the employer column (werkgever / employer)", () => {
  it("keeps the employer of a practice and leaves it out when blank (the practice itself)", () => {
    const { practices, errors } = importPractices(csv(["De Linde;01012345;2350;Zorggroep Polder;", "Het Anker;01023456;5120;;"]));
    expect(errors).toEqual([]);
    expect(practices.map((p) => p.employer)).toEqual(["Zorggroep Polder", undefined]);
  });

  it("reads the English header too", () => {
    const { practices } = importPractices(csv(["De Linde;01012345;2350;Care Group;"], "practice;agb;patients;employer;compensation_rate"));
    expect(practices[0].employer).toBe("Care Group");
  });

  it("refuses an employer name over 200 characters, naming the row and column", () => {
    const { errors } = importPractices(csv([`De Linde;01012345;2350;${"x".repeat(201)};`]));
    expect(errors.map((e) => formatProblem("nl", e))).toEqual(["Rij 2: werkgever: langer dan 200 tekens (201 tekens)"]);
  });
});

describe("the own compensation rate (vergoedingspercentage / compensation_rate)", () => {
  it.each([
    ["75%", "0.75"],
    ["75", "0.75"],
    ["0,75", "0.75"],
    ["0.75", "0.75"],
    ["100%", "1"],
    ["1", "1"],
    ["0", "0"],
    ["12,5%", "0.125"],
  ])("reads %s as %s", (typed, fraction) => {
    const { practices, errors } = importPractices(csv([`De Linde;01012345;2350;;${typed}`]));
    expect(errors).toEqual([]);
    expect(practices[0].compensationRate).toBe(fraction);
  });

  it.each(["150%", "101", "-5%", "-0,5", "veel", "75 %%"])("refuses %s with a message naming row, column and value", (typed) => {
    const { practices, errors } = importPractices(csv([`De Linde;01012345;2350;;${typed}`]));
    expect(practices).toEqual([]);
    expect(errors.map((e) => formatProblem("nl", e))).toEqual([`Rij 2: vergoedingspercentage: verwacht een percentage van 0% tot 100% (zoals 75%, 75 of 0,75), niet “${typed}”`]);
  });

  it("leaves a blank rate to the model", () => {
    expect(importPractices(csv(["De Linde;01012345;2350;;"])).practices[0].compensationRate).toBeUndefined();
  });

  it("parsePercentText reads a number above 1 as percent and one up to 1 as a fraction", () => {
    expect(["50", "0,5", "50%", "1,5%", "abc"].map(parsePercentText)).toEqual(["0.5", "0.5", "0.5", "0.015", null]);
  });
});
