/**
 * The HTML report of a `clean`, `link` or `dedupe` run (Node only: it hashes its script for the
 * page's Content-Security-Policy), and the reader of the clerical decisions the report exports.
 *
 * @example
 * ```ts
 * import { renderReport, parseClericalDecisions } from 'vn-reconcile/node';
 * writeFileSync('report.html', renderReport(input));
 * const decisions = parseClericalDecisions(readFileSync('decisions.csv', 'utf8'));
 * ```
 * @module
 */
export { binWeights, type WeightBins } from './bins.js';
export {
  type ClericalDecision,
  type ClericalDecisionIssueCode,
  type ClericalDecisionValue,
  DECISION_COLUMNS,
  formatClericalDecisions,
  parseClericalDecisions,
} from './decisions.js';
export { escapeHtml } from './escape.js';
export {
  type MaskKind,
  maskDate,
  maskKindOf,
  maskPhone,
  maskValue,
  maskWords,
} from './mask.js';
export { renderReport } from './render.js';
export type {
  ReportBlockingRule,
  ReportCommand,
  ReportFile,
  ReportInput,
  ReportOptions,
  ReportThresholds,
  ReviewCandidate,
  ReviewCase,
  ReviewField,
} from './types.js';
