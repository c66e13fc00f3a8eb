import { KeywayError } from '../errors.js';
import { checkedFully } from './declaration-modules.js';

/**
 * ts-morph (and the TypeScript it carries, ~10 MB) is an optional peer dependency: only `--verify`
 * needs it, so installing keyway for plain generation does not download it. Without it, `--verify`
 * stops with an error saying what to install, before anything is written.
 */
async function loadTsMorph(): Promise<typeof import('ts-morph')> {
  try {
    return await import('ts-morph');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new KeywayError('E_USAGE', '--verify needs the ts-morph package, which is not installed (it is an optional peer dependency): npm install --save-dev ts-morph@^28; nothing was written', {}, { cause: error });
  }
}

/**
 * Type-checks a rendered client in memory, before anything is written, under the strictest settings
 * a consumer is likely to use. ts-morph earns its place here: it hosts TypeScript's checker over an
 * in-memory file system, so a client that would not compile is refused instead of written. It is
 * loaded only when verification is asked for, keeping the default path fast.
 */
export async function verifyOutput(files: ReadonlyMap<string, string>): Promise<void> {
  const { Project, ts } = await loadTsMorph();
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
      // `--import-extension ts` output imports `./client.ts`; harmless for `.js` specifiers.
      allowImportingTsExtensions: true,
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
    // functions.ts and methods.ts skip checking in users' projects; here they are checked fully.
    if (path.endsWith('.ts')) project.createSourceFile(`/out/${path}`, checkedFully(path, text), { overwrite: true });
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
