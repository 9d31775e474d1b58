// `npm run build`: builds dist/ (renderer, main, preload); `--force` rebuilds everything.
import { buildAll } from './build-steps';

const force = process.argv.includes('--force');
try {
  const report = await buildAll({ force });
  if (report.skipped.length > 0) console.log(`up to date: ${report.skipped.join(', ')}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
