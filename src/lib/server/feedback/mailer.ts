import { sendMail, smtpConfigured, type Mail } from '../mail';

/**
 * How feedback invitations leave the server. Passed into the verbs like the database: a link is either
 * delivered or, when email does not reach people, handed back to the team to copy.
 */
export interface Mailer {
	delivers: boolean;
	send(mail: Mail): Promise<void>;
}

export function defaultMailer(): Mailer {
	return { delivers: smtpConfigured(), send: sendMail };
}
