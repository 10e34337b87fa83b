import type { Mailer } from './mailer';

export type { NotificationKind } from './kinds';
export { createMailer, type Mailer, type OutgoingEmail } from './mailer';
export { addNotifications, listNotifications, markAllRead, openNotification, unreadCount, type NewNotification } from './store';

/** How a verb that notifies people reaches them by email: the process's mailer and the app's address for links. */
export interface MailContext {
	mailer: Mailer;
	/** e.g. https://courses.example.org, with no trailing slash. */
	origin: string;
}

export function mailContext(event: { locals: { mailer: Mailer }; url: URL }): MailContext {
	return { mailer: event.locals.mailer, origin: event.url.origin };
}
export { BATCHED_KINDS, EMAIL_BATCH_INTERVAL_MS, sendBatchedEmails, type BatchedMailContext } from './email-batches';
