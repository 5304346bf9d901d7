/**
 * zod compiles fast object parsers with `new Function` unless told not to, and even probing whether it may
 * shows up as a Content Security Policy violation. The built app forbids eval (docs/architecture.md, "Content
 * Security Policy"), so the page turns the compiler off before any schema is built (zod decides per object
 * schema, when it is created): src/app/main.tsx imports this module first, and vite.config.ts bundles it into
 * zod's own chunk so no chunk that builds schemas can run before it. The workers import it first too. Import
 * validation stays fast through src/interop/fast-validate.ts, which uses closures, not generated code.
 * The CLI does not import it: Node has no policy, and the compiled parsers are faster.
 */
import * as z from 'zod';

z.config({ jitless: true });
