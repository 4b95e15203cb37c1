/**
 * The API report of the public surface (api-extractor, one report per package entry, under
 * `api/`). Run after the build, from the built `.d.ts` files that users get.
 *
 * - `node --import tsx scripts/api-report.ts` (in `npm test`): fails when a report is stale, i.e.
 *   the public surface changed and `api/` does not show it yet.
 * - `node --import tsx scripts/api-report.ts --update` (`npm run api:update`): rewrites `api/`;
 *   commit the change with the code so that it shows in review.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  ExtractorMessageCategory,
} from '@microsoft/api-extractor';

const root = resolve(import.meta.dirname, '..');

interface Entry {
  /** `.`, `./id`, … */
  readonly subpath: string;
  /** The built ESM declarations, e.g. `./dist/id/index.d.ts`. */
  readonly types: string;
}

/** The package entries (package.json `exports`, `./package.json` aside). */
function entries(): Entry[] {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { import: { types: string } }>;
  };
  return Object.entries(pkg.exports).flatMap(([subpath, target]) =>
    typeof target === 'string' ? [] : [{ subpath, types: target.import.types }],
  );
}

/** `.` → `vn-reconcile`, `./testing/arbitraries` → `vn-reconcile-testing-arbitraries`. */
function reportName(subpath: string): string {
  return ['vn-reconcile', ...subpath.split('/').filter((s) => s !== '.' && s !== '')].join('-');
}

const silent = { logLevel: ExtractorLogLevel.None } as const;

function report(
  { subpath, types }: Entry,
  update: boolean,
): { name: string; changed: boolean; ok: boolean } {
  const name = reportName(subpath);
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: `<projectFolder>/${types.slice(2)}`,
      bundledPackages: [],
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2023'],
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            skipLibCheck: true,
            // Node's types only where the entry uses them (loading them costs a second per entry).
            types: subpath === './node' ? ['node'] : [],
          },
          files: [types],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: name,
        reportFolder: '<projectFolder>/api/',
        reportTempFolder: '<projectFolder>/scratch/api/',
        includeForgottenExports: false,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.Warning },
          // A type used by a public signature but not exported by the entry: an error (export it).
          'ae-forgotten-export': { logLevel: ExtractorLogLevel.Warning },
          'ae-missing-release-tag': silent,
          'ae-undocumented': silent,
          'ae-internal-missing-underscore': silent,
          'ae-unresolved-link': silent,
          'ae-incompatible-release-tags': silent,
        },
        tsdocMessageReporting: { default: silent },
      },
    },
    configObjectFullPath: resolve(root, 'api-extractor.json'),
    packageJsonFullPath: resolve(root, 'package.json'),
  });
  const messages: string[] = [];
  const result = Extractor.invoke(config, {
    localBuild: update,
    showVerboseMessages: false,
    messageCallback: (m) => {
      const problem =
        m.logLevel === ExtractorLogLevel.Error || m.logLevel === ExtractorLogLevel.Warning;
      // Console messages say what happened to the report files: the summary below says it once.
      if (problem && m.category !== ExtractorMessageCategory.Console)
        messages.push(`${name}: ${m.text}`);
      m.handled = true;
    },
  });
  for (const m of messages) process.stderr.write(`${m}\n`);
  return { name, changed: result.apiReportChanged, ok: messages.length === 0 };
}

function main(): void {
  const update = process.argv.includes('--update');
  mkdirSync(resolve(root, 'scratch/api'), { recursive: true });
  mkdirSync(resolve(root, 'api'), { recursive: true });
  const results = entries().map((e) => report(e, update));
  const stale = results.filter((r) => r.changed);
  const broken = results.filter((r) => !r.ok);
  for (const r of results)
    process.stdout.write(
      `${r.changed ? (update ? 'updated' : 'STALE  ') : 'ok     '} api/${r.name}.api.md\n`,
    );
  if (broken.length > 0) process.exitCode = 1;
  if (stale.length > 0 && !update) {
    process.stderr.write(
      `The public API changed: run \`npm run api:update\` and commit api/ (diff: scratch/api/ vs api/).\n`,
    );
    process.exitCode = 1;
  }
}

main();
