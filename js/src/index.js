// rol-model-schema: the rol-model JSON Schemas, and validation that reports the issues
// rol_model (Python) reports, with the same JSON Pointers and codes.
//
// validate(doc)       a parsed document against the report schema (like rol_model.validate)
// validateText(text)  JSON text, read without losing a digit, then validated (like rol_model.loads)
// parse(text)         the document of a valid report, or a ValidationError listing every issue
//
// Numbers: JSON.parse reads every number as a binary double, so 1000000000000000.01 arrives as
// 1000000000000000 and would pass a maximum of 10^15. validateText and parse read the text with
// lossless-json instead and refuse a number that a double cannot hold exactly as written
// (code "json.inexact-number"); they never round silently. See README.md.

import { readFileSync } from "node:fs";

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { isSafeNumber, LosslessNumber, parse as losslessParse } from "lossless-json";

function readSchema(name) {
  const url = new URL(`../schemas/${name}.schema.json`, import.meta.url);
  return Object.freeze(JSON.parse(readFileSync(url, "utf8")));
}

/** The three JSON Schemas (draft 2020-12) exactly as rol_model ships them. */
export const schemas = Object.freeze({
  report: readSchema("report"),
  profile: readSchema("profile"),
  diff: readSchema("diff"),
});

/** The limits of rol_model's reader (rol_model.Limits): document size and extension depth. */
export const DEFAULT_LIMITS = Object.freeze({ maxBytes: 16 * 1024 * 1024, maxDepth: 32 });

// ajv reports these around the error that matters: the failed "if" of the part-kind dispatch
// and "propertyNames" around the failed pattern of an extension key; rol_model reports neither.
const WRAPPERS = new Set(["if", "propertyNames"]);

let ajv = null;
const compiled = new Map();

function validatorFor(name) {
  if (!Object.hasOwn(schemas, name)) {
    throw new TypeError(`unknown schema ${JSON.stringify(name)}: use report, profile or diff`);
  }
  if (!compiled.has(name)) {
    if (ajv === null) {
      ajv = new Ajv2020({ strict: true, allErrors: true });
      addFormats(ajv);
    }
    compiled.set(name, ajv.compile(structuredClone(schemas[name])));
  }
  return compiled.get(name);
}

function escapeToken(token) {
  return String(token).replaceAll("~", "~0").replaceAll("/", "~1");
}

function tokens(pointer) {
  return pointer === ""
    ? []
    : pointer
        .split("/")
        .slice(1)
        .map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
}

// rol_model's document order: object members in the order read, a missing member after its
// siblings; list items by index.
function position(document, pointer) {
  const key = [];
  let node = document;
  for (const token of tokens(pointer)) {
    if (Array.isArray(node) && /^\d+$/.test(token)) {
      const index = Number(token);
      key.push(index);
      node = node[index];
    } else if (node !== null && typeof node === "object" && !Array.isArray(node)) {
      const keys = Object.keys(node);
      const index = keys.indexOf(token);
      key.push(index < 0 ? keys.length : index);
      node = index < 0 ? undefined : node[token];
    } else {
      break;
    }
  }
  return key;
}

function compareKeys(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

function issue(code, message, pointer = "", extra = {}) {
  return { code, severity: "error", pointer, line: null, column: null, message, ...extra };
}

function schemaIssues(document, name) {
  const check = validatorFor(name);
  if (check(document)) return [];
  const found = [];
  const seen = new Set();
  for (const error of check.errors) {
    if (WRAPPERS.has(error.keyword)) continue;
    let entry;
    if (error.keyword === "additionalProperties") {
      const key = error.params.additionalProperty;
      entry = issue(
        "schema.unknown-field",
        `unknown field ${JSON.stringify(key)}: not part of the ${name} schema` +
          (name === "report" ? " (namespaced data belongs in 'extensions')" : ""),
        `${error.instancePath}/${escapeToken(key)}`,
      );
    } else {
      entry = issue(`schema.${error.keyword}`, error.message ?? error.keyword, error.instancePath);
    }
    const id = `${entry.pointer}\u0000${entry.code}`;
    if (seen.has(id)) continue;
    seen.add(id);
    found.push(entry);
  }
  const keys = new Map(found.map((f) => [f, position(document, f.pointer)]));
  // Issues at one place come in code order: validators differ in the order of their keywords.
  return found.sort(
    (a, b) => compareKeys(keys.get(a), keys.get(b)) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * Check a parsed document against a schema (default: the report schema).
 *
 * Returns every issue in document order (issues at one place in code order, each pointer and
 * code once), each `{code, severity, pointer, line, column, message}`; an empty array means
 * valid. Codes are rol_model's: "schema.<keyword>" and
 * "schema.unknown-field". The document must already be parsed: numbers that JSON.parse rounded
 * cannot be seen here (use validateText).
 */
export function validate(document, options = {}) {
  return schemaIssues(document, options.schema ?? "report");
}

function lineColumn(text, index) {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return { line, column: index - (before.lastIndexOf("\n") + 1) + 1 };
}

function depth(value) {
  let deepest = 0;
  const stack = [[value, 1]];
  while (stack.length) {
    const [item, level] = stack.pop();
    if (item !== null && typeof item === "object") {
      deepest = Math.max(deepest, level);
      for (const child of Object.values(item)) stack.push([child, level + 1]);
    }
  }
  return deepest;
}

// Numbers as lossless-json reads them become plain numbers when a double holds them exactly as
// written (98.40, 1.2E+8, 2023.0); the others are reported with their JSON Pointer.
function resolveNumbers(value, path, inexact, badStrings) {
  if (value instanceof LosslessNumber) {
    if (!isSafeNumber(value.value)) inexact.push([path, value.value]);
    return Number(value.value);
  }
  if (typeof value === "string") {
    if (!value.isWellFormed()) badStrings.push(path);
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => resolveNumbers(item, `${path}/${i}`, inexact, badStrings));
  }
  if (value !== null && typeof value === "object") {
    const result = {};
    for (const [key, item] of Object.entries(value)) {
      if (!key.isWellFormed()) badStrings.push(path);
      result[key] = resolveNumbers(item, `${path}/${escapeToken(key)}`, inexact, badStrings);
    }
    return result;
  }
  return value;
}

/**
 * Read JSON text the way rol_model.loads does and return every issue (empty: a valid report).
 *
 * Besides the schema issues of validate(): "limit.size", "json.syntax" (with line and column),
 * "json.duplicate-key", "json.lone-surrogate", "json.not-an-object", "limit.depth" (an extension
 * nested deeper than maxDepth), and "json.inexact-number" for a number a JavaScript double
 * cannot hold exactly as written, which rol_model would keep as an exact decimal.
 */
export function validateText(text, options = {}) {
  return read(text, options).issues;
}

function read(text, options) {
  const limits = { ...DEFAULT_LIMITS, ...(options.limits ?? {}) };
  const name = options.schema ?? "report";
  if (typeof text !== "string") text = new TextDecoder("utf-8", { fatal: true }).decode(text);
  const size = Buffer.byteLength(text, "utf8");
  if (size > limits.maxBytes) {
    return {
      issues: [
        issue(
          "limit.size",
          `the document has ${size} bytes, over the limit of ${limits.maxBytes}`,
        ),
      ],
    };
  }
  text = text.replace(/^\uFEFF/, "");
  let raw;
  try {
    raw = losslessParse(text);
  } catch (error) {
    const message = String(error.message);
    const duplicate = /^Duplicate key '(.*)' encountered/.exec(message);
    const at = /\(?(?:position|char) (\d+)\)?/.exec(message);
    const where = at ? lineColumn(text, Number(at[1])) : { line: null, column: null };
    if (duplicate) {
      return {
        issues: [issue("json.duplicate-key", `key '${duplicate[1]}' appears more than once`, "", where)],
      };
    }
    return { issues: [issue("json.syntax", `malformed JSON: ${message}`, "", where)] };
  }
  const inexact = [];
  const badStrings = [];
  const document = resolveNumbers(raw, "", inexact, badStrings);
  const issues = [];
  for (const path of badStrings) {
    issues.push(issue("json.lone-surrogate", "text contains a lone UTF-16 surrogate", path));
  }
  for (const [path, written] of inexact) {
    issues.push(
      issue(
        "json.inexact-number",
        `${written} cannot be held exactly by a JavaScript number (it would become ` +
          `${Number(written)}); send it within about 15 significant digits`,
        path,
      ),
    );
  }
  if (issues.length) return { issues };
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    const found = Array.isArray(document) ? "an array" : `a ${document === null ? "null" : typeof document}`;
    return { issues: [issue("json.not-an-object", `a ${name} is a JSON object, found ${found}`)] };
  }
  const schemaFound = schemaIssues(document, name);
  if (schemaFound.length) return { issues: schemaFound };
  if (name === "report") {
    for (const [key, value] of Object.entries(document.extensions ?? {})) {
      if (depth(value) > limits.maxDepth) {
        return {
          issues: [
            issue(
              "limit.depth",
              `extension value nests deeper than ${limits.maxDepth} levels`,
              `/extensions/${escapeToken(key)}`,
            ),
          ],
        };
      }
    }
  }
  return { issues: [], document };
}

/** Thrown by parse(): `issues` lists every problem, as validateText returns them. */
export class ValidationError extends Error {
  constructor(issues) {
    const first = issues[0];
    const where = first.pointer || (first.line ? `line ${first.line}` : "/");
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    super(`${where}: ${first.message} [${first.code}]${more}`);
    this.name = "ValidationError";
    this.issues = issues;
  }
}

/** Parse and validate JSON text; return the document or throw a ValidationError. */
export function parse(text, options = {}) {
  const { issues, document } = read(text, options);
  if (issues.length) throw new ValidationError(issues);
  return document;
}
