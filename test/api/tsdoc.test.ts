/**
 * Every function and constant users can call from `vn-reconcile` or `vn-reconcile/testing` has a
 * TSDoc comment with an `@example` (the project's documentation rule, checked, not hoped for).
 */
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function program(entry: string): { checker: ts.TypeChecker; module: ts.Symbol } {
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
  return { checker, module };
}

/** Exported callables (functions, and consts whose type has call signatures) without an example. */
function undocumented(entry: string): string[] {
  const { checker, module } = program(entry);
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = symbol.valueDeclaration;
    if (!decl) continue; // types and interfaces are documented by their members
    const isFunction = ts.isFunctionDeclaration(decl);
    const isCallableConst =
      ts.isVariableDeclaration(decl) &&
      checker.getTypeOfSymbolAtLocation(symbol, decl).getCallSignatures().length > 0;
    if (!isFunction && !isCallableConst) continue;
    const tags = symbol.getJsDocTags(checker);
    const hasDoc = symbol.getDocumentationComment(checker).length > 0;
    if (!hasDoc || !tags.some((t) => t.name === 'example')) missing.push(exported.getName());
  }
  return missing.sort();
}

describe('public API documentation', () => {
  it.each([
    ['vn-reconcile', 'src/index.ts'],
    ['vn-reconcile/testing', 'src/testing/index.ts'],
    ['vn-reconcile/testing/arbitraries', 'src/testing/arbitraries.ts'],
    ['vn-reconcile/node', 'src/node/index.ts'],
  ])('every callable export of %s has TSDoc with an @example', (_name, entry) => {
    expect(undocumented(resolve(root, entry))).toEqual([]);
  });
});
