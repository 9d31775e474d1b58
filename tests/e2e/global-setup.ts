import { buildAll } from '../../scripts/build-steps';

/// Builds dist/ once before the e2e run, so each test's app starts without building.
export default async function globalSetup(): Promise<void> {
  await buildAll();
}
