import { AsyncLocalStorage } from 'node:async_hooks';
import { getServerAsyncLocalStorage, overwriteServerAsyncLocalStorage, type Locale } from '$lib/paraglide/runtime';

// A published course is a document in its edition's language, whatever the reader's interface
// language is: its field labels, section titles and vocabulary labels come from code that reads the
// current locale (getters over messages). Running that code inside a nested store gives it the
// document's language for that call only; the request's own locale is untouched before and after.

/** Runs `work` with every message and label in `locale`, then returns to the surrounding one. */
export function inLocale<T>(locale: Locale, work: () => T): T {
	let storage = getServerAsyncLocalStorage();
	if (!storage) {
		// Outside a request (scripts, unit tests) there is no store yet: make the one Paraglide reads.
		storage = new AsyncLocalStorage();
		overwriteServerAsyncLocalStorage(storage);
	}
	// Native AsyncLocalStorage.run returns what `work` returns, synchronously.
	return storage.run({ ...storage.getStore(), locale }, work) as T;
}
