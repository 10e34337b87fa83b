// Generates src/lib/paraglide from messages/*.json without Vite (for `prepare` and `check`, which
// type-check imports of the generated modules before any Vite server has run).
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.options.js';

await compile(paraglideOptions);
