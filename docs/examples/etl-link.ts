// An ETL step: link a large list to the register on all cores, with a progress line on stderr,
// and stop cleanly on Ctrl-C (no partial output is left behind).
//   npx tsx docs/examples/etl-link.ts list.csv register.csv links.csv
import { linkFiles } from 'vn-reconcile/node';

const [list, register, out] = process.argv.slice(2);
if (list === undefined || register === undefined || out === undefined) {
  process.stderr.write('usage: etl-link LIST REGISTER OUT\n');
  process.exit(1);
}

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

try {
  const summary = await linkFiles(list, register, {
    out,
    signal: controller.signal,
    onProgress(e) {
      const share = e.total ? ` ${Math.floor((100 * e.rowsDone) / e.total)}%` : '';
      process.stderr.write(
        `\r${e.phase}: ${e.rowsDone} rows${share} (${Math.round(e.rate)} rows/s)   `,
      );
    },
  });
  process.stderr.write('\n');
  const { match, review, no_match, invalid } = summary.counts;
  process.stdout.write(
    `match ${match}, review ${review}, no_match ${no_match}, invalid ${invalid}\n`,
  );
} catch (error) {
  if (error instanceof Error && error.name === 'AbortError') {
    process.stderr.write('\ncancelled: nothing was written\n');
    process.exitCode = 130;
  } else throw error;
}
