import { m } from '$lib/paraglide/messages';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types';
import { baseLocale, toLocaleOrNull } from '$lib/i18n/locales';
import { describeNotification } from './kinds';
import type { Mailer, OutgoingEmail } from './mailer';

/**
 * Email for kinds that come in bursts (comments, replies, suggestions): at most one email per
 * person per interval, holding everything not yet emailed. The first notification after a quiet
 * interval goes out at once; later ones wait for the interval to end and then go out together.
 *
 * The database decides who sends: claiming the person's batch row is one conditional upsert, so two
 * requests (or processes) never send the same batch twice. The wait is a timer in this process; if
 * the process stops first, what was waiting goes out with the person's next email (rows keep
 * `emailed_at` null until they are sent), so nothing is lost, only later.
 */
export const BATCHED_KINDS = ['comment.mention', 'comment.reply', 'suggestion.made', 'suggestion.accepted', 'suggestion.rejected'] as const;
export const EMAIL_BATCH_INTERVAL_MS = 10 * 60_000;

const waiting = new Map<string, ReturnType<typeof setTimeout>>();

export interface BatchedMailContext {
	mailer: Mailer;
	origin: string;
	intervalMs?: number;
}

/** Sends (or schedules) the batched email of each of these people. Never throws: failures are logged. */
export function sendBatchedEmails(db: Kysely<Database>, mail: BatchedMailContext, userIds: readonly string[]): void {
	for (const userId of new Set(userIds)) {
		sendBatch(db, mail, userId).catch((err) =>
			console.error(`[email] batching notifications of user ${userId} failed:`, err instanceof Error ? err.message : err)
		);
	}
}

async function sendBatch(db: Kysely<Database>, mail: BatchedMailContext, userId: string): Promise<void> {
	const interval = mail.intervalMs ?? EMAIL_BATCH_INTERVAL_MS;
	const email = await db.transaction().execute(async (trx) => {
		const claimed = await trx
			.insertInto('notification_email_batches')
			.values({ user_id: userId, last_sent_at: new Date() })
			.onConflict((oc) =>
				oc
					.column('user_id')
					.doUpdateSet({ last_sent_at: new Date() })
					.where('notification_email_batches.last_sent_at', '<=', new Date(Date.now() - interval))
			)
			.returning('user_id')
			.executeTakeFirst();
		if (!claimed) return 'wait' as const;
		const rows = await trx
			.selectFrom('notifications as n')
			.innerJoin('users as u', 'u.id', 'n.user_id')
			.leftJoin('courses as c', 'c.id', 'n.course_id')
			.leftJoin('users as a', 'a.id', 'n.actor_id')
			.select(['n.id', 'n.kind', 'n.course_id', 'n.data', 'c.title as course', 'a.name as actor', 'u.email', 'u.locale'])
			.where('n.user_id', '=', userId)
			.where('n.emailed_at', 'is', null)
			.where('n.kind', 'in', BATCHED_KINDS)
			.orderBy('n.created_at')
			.execute();
		if (rows.length === 0) return null;
		await trx
			.updateTable('notifications')
			.set({ emailed_at: sql`now()` })
			.where(
				'id',
				'in',
				rows.map((r) => r.id)
			)
			.execute();
		return composeBatch(rows, mail.origin);
	});
	if (email === 'wait') {
		if (waiting.has(userId)) return;
		const row = await db.selectFrom('notification_email_batches').select('last_sent_at').where('user_id', '=', userId).executeTakeFirst();
		const due = row ? new Date(row.last_sent_at).getTime() + interval - Date.now() : 0;
		const timer = setTimeout(() => {
			waiting.delete(userId);
			sendBatchedEmails(db, mail, [userId]);
		}, Math.max(0, due) + 50);
		timer.unref();
		waiting.set(userId, timer);
		return;
	}
	if (email) mail.mailer.send([email]);
}

function composeBatch(
	rows: {
		kind: string;
		course_id: string | null;
		data: Record<string, unknown>;
		course: string | null;
		actor: string | null;
		email: string;
		locale: string | null;
	}[],
	origin: string
): OutgoingEmail {
	// All rows are one recipient's: the email is in their language.
	const locale = toLocaleOrNull(rows[0].locale) ?? baseLocale;
	const texts = rows.map((row) =>
		describeNotification(row.kind, { actor: row.actor, course: row.course, courseId: row.course_id, data: row.data }, { locale })
	);
	const subject = texts.length === 1 ? texts[0].headline : m.notifications_email_batch_subject({ count: texts.length }, { locale });
	const body = texts.flatMap((t) => [
		t.headline + '.',
		...(t.quote ? t.quote.split(/\r?\n/).map((line) => `> ${line}`) : []),
		m.notifications_email_open({ url: `${origin}${t.path}` }, { locale }),
		''
	]);
	return {
		to: rows[0].email,
		subject,
		text: [...body, '--', m.notifications_email_footer({ url: `${origin}/notifications` }, { locale })].join('\n')
	};
}
