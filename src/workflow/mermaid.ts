/**
 * The state machine drawn as a Mermaid diagram, rendered from the transition table.
 * @module
 */
import { CASE_STATUSES, type CaseStatus, STATUS_LABELS_VI } from './states.js';
import { isTerminal, TRANSITIONS } from './table.js';

/** Options of `renderMermaid`. */
export interface RenderMermaidOptions {
  /** Draw `merge` and `withdraw` (which leave from many states). Default `true`. */
  readonly sideExits?: boolean;
}

function node(status: CaseStatus): string {
  return status.replaceAll('-', '_');
}

/**
 * Renders the transition table as a Mermaid `stateDiagram-v2` (one arrow per allowed move, labelled
 * with the step of Công văn 2262, the event and the roles that may perform it). docs/workflow.md
 * embeds exactly this text; `npm run docs:workflow` regenerates it.
 *
 * @example
 * ```ts
 * renderMermaid().startsWith('stateDiagram-v2'); // true
 * ```
 */
export function renderMermaid(options: RenderMermaidOptions = {}): string {
  const sideExits = options.sideExits ?? true;
  const lines = ['stateDiagram-v2'];
  const drawn = CASE_STATUSES.filter(
    (status) => sideExits || (status !== 'merged' && status !== 'withdrawn'),
  );
  for (const status of drawn) {
    lines.push(`  state "${status}<br/>${STATUS_LABELS_VI[status]}" as ${node(status)}`);
  }
  for (const rule of TRANSITIONS) {
    if (!rule.advances && rule.to !== 'same' && !sideExits) continue;
    const step = rule.step === 0 ? '' : `step ${rule.step} · `;
    const label = `${step}${rule.event} · ${rule.roles.join(', ')}`;
    if (rule.from.length === 0) {
      lines.push(`  [*] --> ${node(rule.to as CaseStatus)}: ${label}`);
      continue;
    }
    for (const from of rule.from) {
      const to = rule.to === 'same' ? from : rule.to;
      lines.push(`  ${node(from)} --> ${node(to)}: ${label}`);
    }
  }
  for (const status of drawn) {
    if (isTerminal(status)) {
      lines.push(`  ${node(status)} --> [*]`);
    }
  }
  return lines.join('\n') + '\n';
}
