export { generate } from './generate.js';
export type { GenerateOptions, GenerateResult, GeneratedFile } from './generate.js';
export { KeywayError } from './errors.js';
export type { KeywayErrorCode, SourceLocation } from './errors.js';
export type * from './model/index.js';
