// The package gives the verdicts, JSON Pointers and codes rol_model gives (test/expected.json,
// written by tools/build_js_expected.py from rol_model itself) on every example and fixture.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { parse, schemas, validate, validateText, ValidationError } from "../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const expected = JSON.parse(readFileSync(resolve(here, "expected.json"), "utf8"));
const pairs = (issues) => issues.map(({ pointer, code }) => ({ pointer, code }));
const read = (file) => readFileSync(resolve(root, file));

test("the fixture sets are not empty", () => {
  assert.ok(Object.keys(expected.examples).length >= 1);
  assert.ok(Object.keys(expected.valid).length >= 10);
  assert.ok(Object.keys(expected.invalid).length >= 30);
  assert.ok(Object.keys(expected.differences).length >= 1);
});

for (const group of ["examples", "valid", "invalid"]) {
  for (const [file, issues] of Object.entries(expected[group])) {
    test(`validateText gives rol_model's issues: ${file}`, () => {
      assert.deepEqual(pairs(validateText(read(file))), issues);
    });
    if (issues.every((issue) => issue.code.startsWith("schema."))) {
      test(`validate gives rol_model's issues on the parsed document: ${file}`, () => {
        const document = JSON.parse(read(file).toString("utf8").replace(/^\uFEFF/, ""));
        assert.deepEqual(pairs(validate(document)), issues);
      });
    }
  }
}

// JSON.parse would round these numbers and let them pass (tests/ajv/differences/README.md);
// validateText refuses each at the place rol_model points at, instead of rounding.
for (const [file, issues] of Object.entries(expected.differences)) {
  test(`validateText refuses what JSON.parse cannot see: ${file}`, () => {
    // whatever rol_model says of it (tests/validation/test_ajv.py watches that), the package
    // never accepts a file by rounding a number
    const found = validateText(read(file));
    assert.ok(found.length > 0, `${file} was accepted`);
    if (issues.length && issues.every((issue) => issue.code.startsWith("schema."))) {
      assert.deepEqual(
        [...new Set(found.map((i) => i.pointer))],
        [...new Set(issues.map((i) => i.pointer))],
      );
      assert.ok(found.every((i) => i.code === "json.inexact-number"));
    }
  });
}

test("parse returns the document of a valid report and keeps exact figures", () => {
  const document = parse(read("tests/fixtures/valid/decimal-values.json"));
  const values = document.parts[0].measures[0].indicators.map((i) => i.value);
  assert.deepEqual(values.slice(0, 3), [98.4, -3.5, 120000000]);
});

test("parse throws a ValidationError listing every issue", () => {
  const text = JSON.stringify({ title: "", organization: { name: "x" }, year: 1999, parts: [], extra: 1 });
  assert.throws(
    () => parse(text),
    (error) =>
      error instanceof ValidationError &&
      error.issues.some((i) => i.pointer === "/year" && i.code === "schema.minimum") &&
      error.issues.some((i) => i.pointer === "/extra" && i.code === "schema.unknown-field"),
  );
});

test("syntax errors carry line and column", () => {
  const [issue] = validateText('{\n  "title": "x",\n}');
  assert.equal(issue.code, "json.syntax");
  assert.equal(issue.line, 3);
  assert.equal(issue.column, 1);
});

test("the size limit is rol_model's, and configurable", () => {
  const text = read("tests/fixtures/valid/minimal.json");
  assert.deepEqual(validateText(text, { limits: { maxBytes: 10 } }).map((i) => i.code), ["limit.size"]);
  assert.deepEqual(validateText(text), []);
});

test("profiles and diffs validate against their own schemas", () => {
  assert.deepEqual(validate({}, { schema: "profile" }).map((i) => i.code), ["schema.required"]);
  assert.ok(validate({ schema: "nope" }, { schema: "diff" }).length > 0);
  assert.throws(() => validate({}, { schema: "nope" }), TypeError);
});

test("the shipped schemas are the repository's", () => {
  for (const name of ["report", "profile", "diff"]) {
    const original = JSON.parse(readFileSync(resolve(root, "schemas", `${name}.schema.json`), "utf8"));
    assert.deepEqual(schemas[name], original);
  }
});

test("the built-in checker profiles are valid profiles", () => {
  const folder = resolve(root, "src", "rol_model", "profiles");
  for (const name of ["national.json", "provincial-guideline-2023.json"]) {
    const profile = JSON.parse(readFileSync(resolve(folder, name), "utf8"));
    assert.deepEqual(validate(profile, { schema: "profile" }), [], name);
  }
});
