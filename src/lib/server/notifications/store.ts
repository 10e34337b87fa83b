import { m } from '$lib/paraglide/messages';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/types';
import type { Actor } from '../policy';
import { notFound } from '../errors';
import { generateId } from '../ids';
import { baseLocale, toLocaleOrNull, type Locale } from '$lib/i18n/locales';
import { describeNotification, type NotificationKind, type NotificationText } from './kinds';
import type { OutgoingEmail } from './mailer';

export interface NewNotification {
	kind: NotificationKind;
	/** User ids; the actor and repeats are left out. */
	recipients: readonly string[];
	courseId: string | null;
	actorId: string | null;
	data?: Record<string, unknown>;
}

/**
 * Adds notifications as part of the caller's transaction, so they exist exactly when the change
 * they announce does, and returns the emails to send once that transaction has committed.
 */
export async function addNotifications(
	trx: Transaction<Database>,
	notification: NewNotification,
	origin: string
): Promise<OutgoingEmail[]> {
	const recipients = [...new Set(notification.recipients)].filter((id) => id !== notification.actorId);
	if (recipients.length === 0) return [];
	const data = notification.data ?? {};
	await trx
		.insertInto('notifications')
		.values(
			recipients.map((userId) => ({
				id: generateId(),
				user_id: userId,
				kind: notification.kind,
				course_id: notification.courseId,
				actor_id: notification.actorId,
				data: JSON.stringify(data)
			}))
		)
		.execute();

	const [people, course, actor] = await Promise.all([
		trx.selectFrom('users').select(['email', 'locale']).where('id', 'in', recipients).execute(),
		notification.courseId
			? trx.selectFrom('courses').select('title').where('id', '=', notification.courseId).executeTakeFirst()
			: undefined,
		notification.actorId ? trx.selectFrom('users').select('name').where('id', '=', notification.actorId).executeTakeFirst() : undefined
	]);
	const facts = { actor: actor?.name ?? null, course: course?.title ?? null, courseId: notification.courseId, data };
	// Each recipient reads it in their own language, whoever caused it (README: Interface languages).
	return people.map((person) => {
		const locale = toLocaleOrNull(person.locale) ?? baseLocale;
		const text = describeNotification(notification.kind, facts, { locale });
		return { to: person.email, subject: text.headline, text: emailBody(text, origin, locale) };
	});
}

function emailBody(text: NotificationText, origin: string, locale: Locale): string {
	return [
		text.headline + '.',
		...(text.quote ? ['', ...text.quote.split(/\r?\n/).map((line) => `> ${line}`)] : []),
		'',
		m.notifications_email_open({ url: `${origin}${text.path}` }, { locale }),
		'',
		'--',
		m.notifications_email_footer({ url: `${origin}/notifications` }, { locale })
	].join('\n');
}

export interface NotificationItem extends NotificationText {
	id: string;
	kind: string;
	createdAt: Date;
	read: boolean;
}

export const NOTIFICATION_PAGE_SIZE = 50;

/** The person's own notifications, newest first, with how many are unread in all. */
export async function listNotifications(
	db: Kysely<Database>,
	actor: Actor,
	{ limit = NOTIFICATION_PAGE_SIZE }: { limit?: number } = {}
): Promise<{ items: NotificationItem[]; unread: number }> {
	const rows = await db
		.selectFrom('notifications as n')
		.leftJoin('courses as c', 'c.id', 'n.course_id')
		.leftJoin('users as a', 'a.id', 'n.actor_id')
		.select(['n.id', 'n.kind', 'n.course_id', 'n.data', 'n.created_at', 'n.read_at', 'c.title as course', 'a.name as actor'])
		.where('n.user_id', '=', actor.id)
		.orderBy('n.created_at', 'desc')
		.orderBy('n.id')
		.limit(limit)
		.execute();
	const items = rows.map((row) => ({
		id: row.id,
		kind: row.kind,
		createdAt: new Date(row.created_at),
		read: row.read_at !== null,
		...describeNotification(row.kind, { actor: row.actor, course: row.course, courseId: row.course_id, data: row.data })
	}));
	return { items, unread: await unreadCount(db, actor.id) };
}

export async function unreadCount(db: Kysely<Database>, userId: string): Promise<number> {
	const row = await db
		.selectFrom('notifications')
		.select(sql<number>`count(*)::int`.as('count'))
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

/** Marks one of the person's notifications read; returns where it leads. Others' are "not found". */
export async function openNotification(db: Kysely<Database>, actor: Actor, id: string): Promise<string> {
	const row = await db
		.updateTable('notifications as n')
		.set({ read_at: sql`coalesce(n.read_at, now())` })
		.where('n.id', '=', id)
		.where('n.user_id', '=', actor.id)
		.returning(['n.kind', 'n.course_id', 'n.data'])
		.executeTakeFirst();
	if (!row) throw notFound('That notification does not exist.');
	return describeNotification(row.kind, { actor: null, course: null, courseId: row.course_id, data: row.data }).path;
}

export async function markAllRead(db: Kysely<Database>, actor: Actor): Promise<number> {
	const result = await db
		.updateTable('notifications')
		.set({ read_at: new Date() })
		.where('user_id', '=', actor.id)
		.where('read_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}
