/**
 * Regenerates the Mermaid state diagram in docs/workflow.md from the transition table
 * (`npm run docs:workflow`). test/workflow/docs.test.ts fails when the file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderMermaid } from '../../src/workflow/index.js';

export const DOC_PATH = fileURLToPath(new URL('../../docs/workflow.md', import.meta.url));
export const START = '<!-- generated:workflow-mermaid:start (npm run docs:workflow) -->';
export const END = '<!-- generated:workflow-mermaid:end -->';

/** The generated block, markers included. */
export function diagramBlock(): string {
  return `${START}\n\`\`\`mermaid\n${renderMermaid()}\`\`\`\n${END}`;
}

/** Replaces the block between the markers of `text`. */
export function withDiagram(text: string): string {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/workflow.md lacks the markers ${START} … ${END}`);
  return text.slice(0, a) + diagramBlock() + text.slice(b + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const before = readFileSync(DOC_PATH, 'utf8');
  const after = withDiagram(before);
  if (after !== before) writeFileSync(DOC_PATH, after);
  process.stdout.write(
    after === before ? 'docs/workflow.md is up to date\n' : 'docs/workflow.md updated\n',
  );
}
