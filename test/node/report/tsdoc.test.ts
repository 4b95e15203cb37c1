/**
 * Every callable export of the report module has TSDoc with an `@example` (the project's rule,
 * as test/api/tsdoc.test.ts checks it for the other entry points).
 */
import { resolve } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

it('every callable export of src/node/report has TSDoc with an @example', () => {
  const entry = resolve(import.meta.dirname, '../../../src/node/report/index.ts');
  const p = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = p.getTypeChecker();
  const source = p.getSourceFile(entry);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`cannot read ${entry}`);
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = symbol.valueDeclaration;
    if (!decl) continue;
    const callable =
      ts.isFunctionDeclaration(decl) ||
      (ts.isVariableDeclaration(decl) &&
        checker.getTypeOfSymbolAtLocation(symbol, decl).getCallSignatures().length > 0);
    if (!callable) continue;
    const documented = symbol.getDocumentationComment(checker).length > 0;
    if (!documented || !symbol.getJsDocTags(checker).some((t) => t.name === 'example'))
      missing.push(exported.getName());
  }
  expect(missing).toEqual([]);
});
