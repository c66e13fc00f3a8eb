import { analyze } from './analyze/index.js';
import { emit } from './emit/index.js';
import { writeOutput } from './emit/write-output.js';
import { KeywayError, inFile } from './errors.js';
import { loadDocument } from './load/index.js';
import { plan } from './plan/index.js';

export interface GenerateOptions {
  /** OpenAPI document: a file path or an http(s) URL. */
  input: string;
  /** Output folder; replaced whole. */
  output: string;
  /** Client class name; default from the document's `info.title`. */
  name?: string;
  /** Validate the document against the OpenAPI schema (default true). */
  validate?: boolean;
}

export interface GeneratedFile {
  /** Path relative to the output folder, `/`-separated. */
  path: string;
  bytes: number;
}

export interface GenerateResult {
  output: string;
  clientName: string;
  files: GeneratedFile[];
  summary: { operations: number; types: number; securitySchemes: number; specVersion: string };
}

/** Loads, analyses, plans, renders and writes one client. The CLI and the API both call this. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  if (!options.input) throw new KeywayError('E_USAGE', 'no input document given');
  if (!options.output) throw new KeywayError('E_USAGE', 'no output folder given (--out)');
  const loaded = await loadDocument(options.input, { validate: options.validate ?? true });
  const model = (() => {
    try {
      return analyze(loaded);
    } catch (error) {
      throw inFile(error, loaded.source); // analysis knows pointers, not files
    }
  })();
  const planned = plan(model, { name: options.name });
  const files = await emit(planned);
  await writeOutput(options.output, files);
  return {
    output: options.output,
    clientName: planned.clientName,
    files: [...files].map(([path, text]) => ({ path, bytes: Buffer.byteLength(text) })),
    summary: {
      operations: model.operations.length,
      types: model.types.length,
      securitySchemes: model.securitySchemes.length,
      specVersion: model.specVersion,
    },
  };
}
