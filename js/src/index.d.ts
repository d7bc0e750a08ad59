// Types of rol-model-schema. The document types (Report, Profile, ReportDiff and their parts) are
// generated from the JSON Schemas by scripts/sync.mjs (json-schema-to-typescript).

export type * from "./types/report.js";
export type { Profile, Deadline, LengthLimit, RequiredHeading } from "./types/profile.js";
export type {
  ReportDiff,
  Side,
  FieldChange,
  PartChange,
  ItemChange,
  IndicatorChange,
  Renumbering,
} from "./types/diff.js";

/** Which schema to validate against. */
export type SchemaName = "report" | "profile" | "diff";

/** One problem, as rol_model reports it (rol_model.Issue). */
export interface Issue {
  /** Stable machine-readable code: "schema.required", "schema.unknown-field", "json.syntax" … */
  code: string;
  severity: "error";
  /** RFC 6901 JSON Pointer of the offending value ("" is the whole document). */
  pointer: string;
  /** 1-based line and column, when the problem is in the JSON text itself. */
  line: number | null;
  column: number | null;
  /** For people; the wording is ajv's, not rol_model's. */
  message: string;
}

/** rol_model.Limits: the largest document (bytes) and the deepest extension value. */
export interface Limits {
  maxBytes: number;
  maxDepth: number;
}

export interface ValidateOptions {
  /** Default "report". */
  schema?: SchemaName;
}

export interface ReadOptions extends ValidateOptions {
  /** Default DEFAULT_LIMITS. */
  limits?: Partial<Limits>;
}

/** The three JSON Schemas (draft 2020-12) exactly as rol_model ships them. */
export declare const schemas: Readonly<Record<SchemaName, Readonly<Record<string, unknown>>>>;

/** rol_model's default limits: 16 MiB, extension depth 32. */
export declare const DEFAULT_LIMITS: Readonly<Limits>;

/** Check a parsed document against a schema; every issue in document order, [] when valid. */
export declare function validate(document: unknown, options?: ValidateOptions): Issue[];

/** Read JSON text as rol_model.loads does (exact numbers, no duplicate keys) and validate it. */
export declare function validateText(text: string | Uint8Array, options?: ReadOptions): Issue[];

/** Thrown by parse(); `issues` lists every problem. */
export declare class ValidationError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]);
}

/** Parse and validate JSON text; the document, or a thrown ValidationError. */
export declare function parse(text: string | Uint8Array, options?: { schema?: "report"; limits?: Partial<Limits> }): import("./types/report.js").Report;
export declare function parse(text: string | Uint8Array, options: { schema: "profile"; limits?: Partial<Limits> }): import("./types/profile.js").Profile;
export declare function parse(text: string | Uint8Array, options: { schema: "diff"; limits?: Partial<Limits> }): import("./types/diff.js").ReportDiff;
