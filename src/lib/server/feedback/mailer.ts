import type { Mailer as AppMailer, OutgoingEmail } from '../notifications/mailer';

/**
 * How feedback invitations leave the server. Passed into the verbs like the database: a link is either
 * delivered by email or, when email does not reach people (no SMTP_URL), handed back to the team to copy,
 * so personal links are never written to the server log.
 */
export interface Mailer {
	delivers: boolean;
	send(mail: OutgoingEmail): Promise<void>;
}

/** The app's one mailer (notifications/mailer.ts, in `locals.mailer`) as the feedback verbs use it. */
export function feedbackMailer(mailer: AppMailer): Mailer {
	return {
		delivers: mailer.transport === 'smtp',
		async send(mail) {
			mailer.send([mail]);
		}
	};
}
