export { generate, renderClient } from './generate.js';
export type {
  CheckResult,
  FileDifference,
  GenerateOptions,
  GenerateResult,
  GenerateStage,
  GenerateSummary,
  GeneratedFile,
  ProgressEvent,
  RenderedClient,
} from './generate.js';
export { initPackage } from './init/init-package.js';
export type { InitOptions, InitResult } from './init/init-package.js';
export { KeywayError } from './errors.js';
export type { KeywayErrorCode, SourceLocation } from './errors.js';
export type * from './model/index.js';
