// Build a report in TypeScript, check it with the package, and print the verdict.
// Compiled with `tsc --strict` by the package's tests, then run with node.
import { type Issue, type MeasuresPart, type Report, parse, validate } from "rol-model-schema";

const measures: MeasuresPart = {
  kind: "measures",
  heading: "主要举措和成效",
  measures: [
    {
      id: "m1",
      text: "全年办理行政复议案件128件，纠错率12.5%。",
      indicators: [
        {
          id: "m1-i1",
          label: "行政复议案件",
          value: 128,
          unit: "件",
          qualifier: "exact",
          source: "办理行政复议案件128件",
        },
      ],
    },
  ],
};

const report: Report = {
  title: "某县司法局2023年法治政府建设年度报告",
  organization: { name: "某县司法局", level: "county", kind: "department" },
  year: 2023,
  parts: [measures],
};

const issues: Issue[] = validate(report);
const broken: Issue[] = validate({ ...report, year: 1999 });
const again: Report = parse(JSON.stringify(report));
for (const part of again.parts ?? []) {
  if (part.kind === "measures") console.log(`measures: ${part.measures?.length ?? 0}`);
}
console.log(JSON.stringify({ valid: issues.length === 0, broken: broken.map((i) => [i.pointer, i.code]) }));
