import { KeywayError } from '../errors.js';

/**
 * Type-checks a rendered client in memory, before anything is written, under the strictest settings
 * a consumer is likely to use. ts-morph earns its place here: it hosts TypeScript's checker over an
 * in-memory file system, so a client that would not compile is refused instead of written. It is
 * loaded only when verification is asked for, keeping the default path fast.
 */
export async function verifyOutput(files: ReadonlyMap<string, string>): Promise<void> {
  const { Project, ts } = await import('ts-morph');
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      verbatimModuleSyntax: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
      noEmit: true,
    },
  });
  // NodeNext treats .ts files as ES modules only under a package.json that says so.
  project.getFileSystem().writeFileSync('/out/package.json', '{"type":"module"}');
  for (const [path, text] of files) {
    if (path.endsWith('.ts')) project.createSourceFile(`/out/${path}`, text, { overwrite: true });
  }
  const diagnostics = project.getPreEmitDiagnostics();
  if (diagnostics.length === 0) return;
  const lines = diagnostics.map((d) => {
    const file = d.getSourceFile()?.getFilePath().replace(/^\/out\//, '') ?? '';
    const message = ts.flattenDiagnosticMessageText(d.getMessageText() as never, '\n');
    return `${file}${d.getLineNumber() !== undefined ? `:${d.getLineNumber()}` : ''}: TS${d.getCode()} ${message}`;
  });
  throw new KeywayError('E_VERIFY', `the generated client does not type-check (${lines.length} diagnostics); nothing was written`, {}, { details: lines.slice(0, 20) });
}
