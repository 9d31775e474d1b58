import { config } from 'zod';

// zod probes once whether it may compile validators with `new Function`. The page's CSP has no 'unsafe-eval', so
// the probe throws; zod catches that and validates without compiling, but Chromium still reports a CSP violation.
// jitless skips the probe (and the compiling, which the CSP forbids anyway). Imported first by main.tsx.
config({ jitless: true });
