// One set of Paraglide compiler options, used by the Vite plugin (dev, build, tests) and by
// scripts/compile-messages.mjs (`prepare`, `check`), so every entry point compiles the same runtime.
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// `custom-preference` is defined in src/lib/i18n (server: the account setting or the switcher's
	// cookie; browser: the <html lang> the server rendered). Then the Accept-Language header, then English.
	// No `url` strategy: the app's language is the person's, not part of the address.
	strategy: ['custom-preference', 'preferredLanguage', 'baseLocale'],
	emitGitIgnore: false,
	emitReadme: false
};
