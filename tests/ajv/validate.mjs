// Validate report files with ajv, a JavaScript JSON Schema validator, against the rol-model schema.
//
// This is the non-Python cross-check of schemas/report.schema.json: tests/test_ajv.py runs it on
// every example and fixture and asserts that ajv and rol_model give the same verdict.
//
// Usage: node tests/ajv/validate.mjs [--schema PATH] FILE...
// Prints one JSON line per file: {"file": ..., "valid": true|false, "errors": [...]}, where each
// error has the JSON Pointer of the offending value ("pointer", ajv's instancePath), the schema
// keyword, ajv's params (for additionalProperties, the unknown property) and ajv's message.
// A file that is not JSON gets one error with keyword "parse", a file that cannot be read one
// with keyword "read".
// Exit code: 0 when every file is valid, 1 when any is not, 2 on a usage error, an unreadable
// file or a schema that does not compile.
//
// The schema is compiled in draft 2020-12 mode (ajv/dist/2020) with strict mode on, so an
// unknown keyword or a keyword that cannot apply is an error, and with ajv-formats, so that
// "format": "date" is checked (2023-02-30 is refused).

import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
const defaultSchema = resolve(here, "..", "..", "schemas", "report.schema.json");

function usage(message) {
  process.stderr.write(`validate.mjs: ${message}\n`);
  process.stderr.write("usage: node tests/ajv/validate.mjs [--schema PATH] FILE...\n");
  process.exit(2);
}

const args = process.argv.slice(2);
let schemaPath = defaultSchema;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--schema") {
    if (i + 1 >= args.length) usage("--schema needs a path");
    schemaPath = args[++i];
  } else if (args[i].startsWith("--")) {
    usage(`unknown option ${args[i]}`);
  } else {
    files.push(args[i]);
  }
}
if (files.length === 0) usage("no file given");

let validate;
try {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
} catch (error) {
  process.stderr.write(`validate.mjs: cannot compile ${schemaPath}: ${error.message}\n`);
  process.exit(2);
}

let exitCode = 0;
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const errors = [{ pointer: "", keyword: "read", params: {}, message: error.message }];
    process.stdout.write(JSON.stringify({ file, valid: false, errors }) + "\n");
    exitCode = 2;
    continue;
  }
  let document;
  try {
    // JSON.parse reads numbers as binary doubles: a figure such as 98.40 arrives as 98.4, and
    // 2023.0000000000000001 as 2023. That is the price of validating in JavaScript; rol_model
    // keeps the exact decimal (see tests/ajv/differences/).
    document = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const errors = [{ pointer: "", keyword: "parse", params: {}, message: error.message }];
    process.stdout.write(JSON.stringify({ file, valid: false, errors }) + "\n");
    exitCode = Math.max(exitCode, 1);
    continue;
  }
  const valid = validate(document);
  const errors = valid
    ? []
    : validate.errors.map((e) => ({
        pointer: e.instancePath,
        keyword: e.keyword,
        params: e.params,
        message: e.message,
      }));
  if (!valid) exitCode = Math.max(exitCode, 1);
  process.stdout.write(JSON.stringify({ file, valid, errors }) + "\n");
}
process.exit(exitCode);
