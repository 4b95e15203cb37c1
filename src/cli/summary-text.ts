/**
 * The end every file command's stderr summary shares.
 */

/**
 * A summary's text: its lines, then a line per note and per warning of the run.
 *
 * @example
 * ```ts
 * summaryText(['vn-reconcile clean: a.csv: 3 rows'], { notes: ['UTF-8'], warnings: [] });
 * // 'vn-reconcile clean: a.csv: 3 rows\n  note: UTF-8\n'
 * ```
 */
export function summaryText(
  lines: readonly string[],
  run: { readonly notes: readonly string[]; readonly warnings?: readonly string[] },
): string {
  const all = [...lines, ...run.notes.map((n) => `  note: ${n}`)];
  for (const w of run.warnings ?? []) all.push(`  warning: ${w}`);
  return `${all.join('\n')}\n`;
}
