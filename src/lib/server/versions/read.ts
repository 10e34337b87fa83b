import type { Kysely } from 'kysely';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Database, VersionKind } from '../db/types';
import { m } from '$lib/paraglide/messages';

// Version rows as pages receive them: names instead of user ids, a title for every kind. What a
// course member may see of a version is decided here and nowhere else (no ids, no emails).

export interface VersionSummary {
	number: number;
	kind: VersionKind;
	/** The name people gave it (named versions only). */
	name: string | null;
	/** How the list titles it: the name, or what the server recorded. */
	title: string;
	/** Who saved or restored it; null for automatic snapshots. */
	savedBy: string | null;
	/** Names of the people whose edits an automatic snapshot collects, alphabetically. */
	participants: string[];
	/** For a restore and the state kept before it: the version brought back. */
	restoredFrom: number | null;
	createdAt: Date;
}

export interface Version extends VersionSummary {
	spec: CourseSpec;
}

/** The title of a version in the list and on its page. */
export function versionTitle(version: Pick<VersionSummary, 'kind' | 'name' | 'restoredFrom'>): string {
	switch (version.kind) {
		case 'named':
			return version.name ?? m.history_untitled_version();
		case 'automatic':
			return m.history_automatic_snapshot();
		case 'before_restore':
			return m.history_before_restoring({ version: version.restoredFrom ?? '' });
		case 'restore':
			return m.history_restored_title({ version: version.restoredFrom ?? '' });
	}
}

function baseQuery(db: Kysely<Database>, courseId: string) {
	return db
		.selectFrom('course_versions as v')
		.leftJoin('users as u', 'u.id', 'v.created_by')
		.select(['v.number', 'v.kind', 'v.name', 'v.participants', 'v.restored_from', 'v.created_at', 'u.name as saved_by'])
		.where('v.course_id', '=', courseId);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

async function present(db: Kysely<Database>, rows: Row[]): Promise<VersionSummary[]> {
	const ids = [...new Set(rows.flatMap((row) => row.participants))];
	const users = ids.length === 0 ? [] : await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
	const names = new Map(users.map((user) => [user.id, user.name]));
	return rows.map((row) => {
		const summary = {
			number: Number(row.number),
			kind: row.kind,
			name: row.name,
			savedBy: row.saved_by,
			participants: row.participants
				.flatMap((id) => names.get(id) ?? [])
				.sort((a, b) => a.localeCompare(b)),
			restoredFrom: row.restored_from === null ? null : Number(row.restored_from),
			createdAt: new Date(row.created_at)
		};
		return { ...summary, title: versionTitle(summary) };
	});
}

export async function readVersions(
	db: Kysely<Database>,
	courseId: string,
	{ namedOnly }: { namedOnly: boolean }
): Promise<VersionSummary[]> {
	const rows = await baseQuery(db, courseId)
		.$if(namedOnly, (qb) => qb.where('v.kind', '=', 'named'))
		.orderBy('v.number', 'desc')
		.execute();
	return present(db, rows);
}

export async function readVersion(db: Kysely<Database>, courseId: string, number: number): Promise<Version | undefined> {
	const row = await baseQuery(db, courseId).select('v.spec').where('v.number', '=', number).executeTakeFirst();
	if (!row) return undefined;
	const [summary] = await present(db, [row]);
	return { ...summary, spec: row.spec };
}
