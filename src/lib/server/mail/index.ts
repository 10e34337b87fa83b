// Outgoing email. Without SMTP_URL nothing is sent: the message is written to the server log instead.
// The SMTP transport (nodemailer over SMTP_URL) plugs in behind these two functions.

export interface Mail {
	to: string;
	subject: string;
	text: string;
}

/** Whether email reaches people; callers that would otherwise lose a message (a link) offer it for copying. */
export function smtpConfigured(): boolean {
	return false;
}

export async function sendMail({ to, subject, text }: Mail): Promise<void> {
	// The body is left out on purpose: it can carry a personal link, which is a bearer secret.
	console.info(`[mail] not sent (no SMTP_URL): to ${to}, “${subject}”, ${text.length} characters`);
}
