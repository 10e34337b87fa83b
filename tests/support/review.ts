import type { Kysely } from 'kysely';
import { applySpec } from '$lib/course-spec/apply-spec';
import { docToSpec } from '$lib/course-spec/doc';
import { minimalSpec } from '$lib/course-spec/fixtures';
import type { CourseSpec } from '$lib/course-spec/types';
import { changeCourseDoc } from '$lib/server/course-docs';
import type { Database, InstanceRole } from '$lib/server/db/types';
import { createCourse } from '$lib/server/courses';
import { createMailer, type MailContext } from '$lib/server/notifications';
import { isDomainError } from '$lib/server/errors';
import { buildUser } from './factories';
import { withoutLive } from '$lib/server/live-context';

/** A person with an instance role (coordinators are made by an admin in the app; here directly). */
export async function buildPerson(db: Kysely<Database>, name: string, role: InstanceRole = 'member') {
	const user = await buildUser(db, { name });
	if (role !== 'member') await db.updateTable('users').set({ role }).where('id', '=', user.id).execute();
	return { ...user, role };
}

/** A course whose live document has every EU mandatory element (the minimal spec, under `title`). */
export async function buildCompleteCourse(
	db: Kysely<Database>,
	owner: { id: string; role: InstanceRole },
	title = 'Platform economy basics',
	change: (spec: CourseSpec) => void = () => {}
): Promise<string> {
	const { id } = await createCourse(db, owner, { title });
	await editSpec(db, id, owner.id, (spec) => {
		Object.assign(spec, minimalSpec(), { title: { en: title } });
		change(spec);
	});
	return id;
}

/** Changes the stored course document the way a person editing would: only the differences, as one update. */
export async function editSpec(db: Kysely<Database>, courseId: string, authorId: string, change: (spec: CourseSpec) => void) {
	await changeCourseDoc(withoutLive(db), courseId, authorId, (doc) => {
		const spec = docToSpec(doc);
		change(spec);
		applySpec(doc, spec);
	});
}

/** A mailer that writes to a list instead of the server log, with the app's address for links. */
export function loggingMail(origin = 'http://courses.test'): MailContext & { lines: string[] } {
	const lines: string[] = [];
	return { mailer: createMailer({ log: (line) => lines.push(line) }), origin, lines };
}

/** What a domain verb refused with, or null when it went through; anything else is rethrown. */
export async function domainErrorOf(work: Promise<unknown>): Promise<{ code: string; field?: string; message: string } | null> {
	try {
		await work;
		return null;
	} catch (err) {
		if (isDomainError(err)) return { code: err.code, field: err.field, message: err.message };
		throw err;
	}
}
