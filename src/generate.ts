import { analyze } from './analyze/index.js';
import { compareOutput, type CheckResult } from './check/compare-output.js';
import { applyImportExtension, IMPORT_EXTENSIONS, type ImportExtension } from './emit/import-extension.js';
import { emit } from './emit/index.js';
import type { ReadmeOptions } from './emit/views/readme-view.js';
import { verifyOutput } from './emit/verify.js';
import { writeOutput } from './emit/write-output.js';
import { KeywayError, inFile } from './errors.js';
import { loadDocument, type LoadStage } from './load/index.js';
import type { ApiModel } from './model/index.js';
import { plan } from './plan/index.js';

export type { CheckResult, FileDifference } from './check/compare-output.js';

export type GenerateStage = 'load' | 'analyze' | 'plan' | 'render' | 'verify' | 'write' | 'check';

/** What `onProgress` hears: a stage starting (with what it is working on), a stage done, a load sub-stage done. */
export type ProgressEvent =
  | { type: 'start'; stage: GenerateStage; detail: string }
  | { type: 'end'; stage: GenerateStage; milliseconds: number }
  | { type: 'load-stage'; stage: LoadStage; milliseconds: number };

export interface GenerateOptions {
  /** OpenAPI document: a file path or an http(s) URL. */
  input: string;
  /** Output folder; replaced whole (or, with `check`, compared). */
  output: string;
  /** Client class name; default from the document's `info.title`. */
  name?: string;
  /** Overlay 1.0 documents (paths or URLs) applied to the description in this order, before validation. */
  overlays?: readonly string[];
  /** Validate the document against the OpenAPI schema (default true). */
  validate?: boolean;
  /** Folder of template overrides: files named like keyway's templates (`client.ts.hbs`, `README.md.hbs`, ...). */
  templates?: string;
  /** Write nothing; compare the output folder with what would be written (`result.check`). */
  check?: boolean;
  /** Type-check the rendered client in memory (strictest settings) before writing; refuse it on any diagnostic. */
  verify?: boolean;
  /**
   * Extension of the relative import specifiers in the generated files: `js` (default, for tsc
   * NodeNext and bundlers) or `ts` (Deno, Bun, `allowImportingTsExtensions`).
   */
  importExtension?: ImportExtension;
  /** Progress and stage timings, for a progress display or `--verbose`. */
  onProgress?: (event: ProgressEvent) => void;
}

export interface GeneratedFile {
  /** Path relative to the output folder, `/`-separated. */
  path: string;
  /** Size in bytes (UTF-8). */
  bytes: number;
  /** The file's text. */
  contents: string;
}

export interface GenerateSummary {
  operations: number;
  types: number;
  securitySchemes: number;
  specVersion: string;
}

export interface GenerateResult {
  output: string;
  clientName: string;
  files: GeneratedFile[];
  summary: GenerateSummary;
  /** Files (absolute paths / URLs) the document was read from, the root first, then the overlays: what `--watch` watches. */
  sources: string[];
  /** True when the output folder was written (false in check mode). */
  written: boolean;
  /** Check mode only: how the output folder differs from what keyway would write. */
  check?: CheckResult;
}

/** A client rendered in memory, before anything is written. */
export interface RenderedClient {
  files: Map<string, string>;
  clientName: string;
  model: ApiModel;
  /** Files (absolute paths / URLs) the document was read from, the root first. */
  sources: string[];
}

type RenderOptions = Pick<GenerateOptions, 'input' | 'overlays' | 'name' | 'validate' | 'templates' | 'importExtension' | 'onProgress'> & {
  /** How the README's samples import the client; `false` leaves the README out. */
  readme?: ReadmeOptions | false;
};

/** Loads, analyses, plans and renders one client: every file as text, nothing written. */
export async function renderClient(options: RenderOptions): Promise<RenderedClient> {
  if (!options.input) throw new KeywayError('E_USAGE', 'no input document given');
  const extension = options.importExtension ?? 'js';
  if (!IMPORT_EXTENSIONS.includes(extension)) {
    throw new KeywayError('E_USAGE', `importExtension must be ${IMPORT_EXTENSIONS.map((e) => JSON.stringify(e)).join(' or ')}, not ${JSON.stringify(extension)}`);
  }
  const stage = stageReporter(options.onProgress);
  const { model, sources } = await loadModel(options, stage);
  const counts = `${model.operations.length} operations, ${model.types.length} types`;
  const planned = await stage('plan', `naming ${counts}`, async () => plan(model, { name: options.name }));
  // The README's samples import the entry the way the rest of the output does.
  const readme = options.readme ?? (extension === 'ts' ? { importFrom: './index.ts' } : undefined);
  const files = await stage('render', `rendering ${counts}`, async () => applyImportExtension(await emit(planned, { templates: options.templates, readme }), extension));
  return { files, clientName: planned.clientName, model, sources };
}

/**
 * The document → the model. A function of its own so that the document (the largest thing keyway
 * holds: ~40 MB of objects for GitHub's API) is garbage once the model exists, before rendering.
 */
async function loadModel(options: RenderOptions, stage: ReturnType<typeof stageReporter>): Promise<{ model: ApiModel; sources: string[] }> {
  const loaded = await stage('load', `loading ${options.input}`, () =>
    loadDocument(options.input, {
      validate: options.validate ?? true,
      overlays: options.overlays,
      onStage: (loadStage, milliseconds) => options.onProgress?.({ type: 'load-stage', stage: loadStage, milliseconds }),
    }),
  );
  const pathCount = Object.keys((loaded.document['paths'] as object | undefined) ?? {}).length;
  const model = await stage('analyze', `analysing ${pathCount} paths`, async () => {
    try {
      return analyze(loaded);
    } catch (error) {
      throw inFile(error, loaded.source, loaded.locate); // analysis knows pointers, not files or lines
    }
  });
  return { model, sources: loaded.files };
}

/** Loads, analyses, plans, renders and writes (or checks) one client. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  return (await generateAndReport(options, true)) as GenerateResult;
}

/** What the CLI hears of the write: each file once it is written, its text no longer held. */
export type WrittenFileHandler = (path: string, bytes: number) => void;

/** A generate() result that lists the files (path and size) without their text. */
export type WrittenResult = Omit<GenerateResult, 'files'> & { files: Array<Omit<GeneratedFile, 'contents'>> };

/**
 * generate() as the CLI runs it: the same stages and output, but the result carries no file text,
 * so each file's text is let go as soon as it is written (and `onWritten` hears of it) instead of
 * being held, with the flat copy the write made of it, until every file is written: for GitHub's
 * API, ~13 MB of flattened text (two bytes per character) on top of the rendered pieces.
 */
export async function generateWritten(options: GenerateOptions, onWritten?: WrittenFileHandler): Promise<WrittenResult> {
  return generateAndReport(options, false, onWritten);
}

async function generateAndReport(options: GenerateOptions, keepText: boolean, onWritten?: WrittenFileHandler): Promise<GenerateResult | WrittenResult> {
  if (!options.output) throw new KeywayError('E_USAGE', 'no output folder given (--out)');
  const rendered = await renderSummarized(options);
  const stage = stageReporter(options.onProgress);
  const count = `${rendered.files.size} files`;
  if (options.verify) await stage('verify', `type-checking ${count}`, () => verifyOutput(rendered.files));
  let check: CheckResult | undefined;
  let written: Array<Omit<GeneratedFile, 'contents'>> | undefined;
  if (options.check) check = await stage('check', `comparing ${count} with ${options.output}`, () => compareOutput(options.output, rendered.files));
  else if (keepText) await stage('write', `writing ${count} to ${options.output}`, () => writeOutput(options.output, rendered.files));
  else {
    const files = rendered.files;
    const paths = [...files.keys()];
    const sizes = new Map<string, number>();
    await stage('write', `writing ${count} to ${options.output}`, () =>
      writeOutput(options.output, files, {
        onWritten: (path, bytes) => {
          files.delete(path);
          sizes.set(path, bytes);
          onWritten?.(path, bytes);
        },
      }),
    );
    written = paths.map((path) => ({ path, bytes: sizes.get(path)! }));
  }
  return {
    output: options.output,
    clientName: rendered.clientName,
    files: written ?? [...rendered.files].map(([path, contents]) => (keepText ? { path, bytes: Buffer.byteLength(contents), contents } : { path, bytes: Buffer.byteLength(contents) })),
    summary: rendered.summary,
    sources: rendered.sources,
    written: !options.check,
    ...(check ? { check } : {}),
  };
}

/**
 * The rendered client with the model's counts instead of the model: the model (~20 MB for GitHub's
 * API) is garbage before the files are checked or written, not held through that stage for four numbers.
 */
async function renderSummarized(options: GenerateOptions): Promise<Omit<RenderedClient, 'model'> & { summary: GenerateSummary }> {
  const { model, ...rendered } = await renderClient(options);
  return {
    ...rendered,
    summary: {
      operations: model.operations.length,
      types: model.types.length,
      securitySchemes: model.securitySchemes.length,
      specVersion: model.specVersion,
    },
  };
}

function stageReporter(onProgress: GenerateOptions['onProgress']) {
  return async <T>(stage: GenerateStage, detail: string, body: () => Promise<T>): Promise<T> => {
    onProgress?.({ type: 'start', stage, detail });
    const started = performance.now();
    const result = await body();
    onProgress?.({ type: 'end', stage, milliseconds: performance.now() - started });
    return result;
  };
}
