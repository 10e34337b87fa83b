import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/types';
import type { AuthLimiters, Session, SessionUser } from '$lib/server/auth';
import type { Mailer } from '$lib/server/notifications/mailer';
import type { Locale } from '$lib/i18n/locales';
import type { LiveDocuments } from '$lib/server/live-context';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Quoted to the user so that a log line can be found from a bug report. */
			errorId?: string;
		}
		interface Locals {
			db: Kysely<Database>;
			/** The process's realtime server (null only where none is attached): a request's locals is a LiveContext. */
			live: LiveDocuments | null;
			limiters: AuthLimiters;
			mailer: Mailer;
			user: SessionUser | null;
			session: Session | null;
			/** The interface language of this request (src/lib/server/i18n/handle.ts). */
			locale: Locale;
		}
	}
}

export {};
