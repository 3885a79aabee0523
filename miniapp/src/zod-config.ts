import { z } from 'zod';

// Mini program runtimes forbid eval/new Function. zod decides per schema, when the schema is
// built, whether to compile a fast path with `new Function`, so this runs before anything
// imports `@inspection-code/shared` (app.ts imports this module first).
z.config({ jitless: true });
