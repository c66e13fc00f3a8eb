/**
 * The names a runtime module declares and exports, read by TypeScript's own parser: `export
 * function`, `export async function`, `export abstract class`, `export const a = …, b = …`,
 * `export { x as y }` of a local declaration — every form, where a regex missed some. TypeScript is
 * loaded (through ts-morph, already a dependency) only when a module is not in the index the build
 * wrote (runtime-export-index.ts).
 */
export async function scanExports(source: string, fileName: string): Promise<string[]> {
  const { ts } = await import('ts-morph');
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: string[] = [];
  const exported = (node: import('ts-morph').ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
      exported(statement) &&
      statement.name !== undefined
    ) {
      names.push(statement.name.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier === undefined && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      // `export { local }` / `export { local as name }`: the module declares it; re-exports `from` elsewhere do not count
      for (const element of statement.exportClause.elements) names.push(element.name.text);
    }
  }
  return names;
}
