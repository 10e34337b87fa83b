import type { Actor } from '../policy';
import { can } from '../policy';
import { conflict, invalid } from '../errors';
import { authorizeCourse } from './access';
import { changeCourseDoc, currentCourseDoc } from '../course-docs';
import { docToSpec } from '$lib/course-spec/doc';
import { makePrimaryLanguage, removeLanguage, textsWrittenIn } from '$lib/course-spec/editions';
import { isCourseLanguage, languageNameIn } from '$lib/course-spec/language-names';
import { m } from '$lib/paraglide/messages';
import { LIMITS } from '$lib/course-spec/limits';
import { addLanguage } from '$lib/course-spec/mutations';
import type { LangCode } from '$lib/course-spec/types';
import type { LiveContext } from '../live-context';

// The languages of a course, as its owners set them in Settings. They live in the course's live
// document (spec.languages, the first is primary), so every change is a server-side change to it:
// open editors see it at once, and it is attributed to the owner who made it.

export interface CourseLanguage {
	code: LangCode;
	primary: boolean;
	/** How many texts are written in this language (see textsWrittenIn). */
	texts: number;
	/** Whether the course has a title in it: made primary without one, the editor's title starts empty. */
	titled: boolean;
}

export interface CourseLanguages {
	languages: CourseLanguage[];
	/** Whether the asking user may change them. */
	canChange: boolean;
}

/** The course's languages, primary first, with how much is written in each. */
export async function courseLanguages(ctx: LiveContext, actor: Actor, courseId: string): Promise<CourseLanguages> {
	const { db } = ctx;
	const { context } = await authorizeCourse(db, actor, courseId, 'course.view');
	const spec = await currentSpec(ctx, courseId);
	return {
		languages: spec.languages.map((code, i) => ({ code, primary: i === 0, texts: textsWrittenIn(spec, code), titled: Boolean(spec.title[code]?.trim()) })),
		canChange: can(actor, 'course.languages', context)
	};
}

/** Adds a language: its empty texts are created in every translatable field before anyone types. */
export async function addCourseLanguage(ctx: LiveContext, actor: Actor, courseId: string, lang: LangCode): Promise<void> {
	const { db } = ctx;
	await authorizeCourse(db, actor, courseId, 'course.languages');
	if (!isCourseLanguage(lang)) throw invalid(m.languages_choose_from_list(), 'language');
	const { languages } = await currentSpec(ctx, courseId);
	if (languages.includes(lang)) throw conflict(m.languages_already({ language: named(lang) }), 'language');
	if (languages.length >= LIMITS.languages) throw invalid(m.languages_too_many({ max: LIMITS.languages }), 'language');
	await changeCourseDoc(ctx, courseId, actor.id, (doc) => addLanguage(doc, lang));
}

export type RemoveLanguageResult =
	| { removed: true }
	/** Nothing was changed: this many texts are written in the language and the owner has not confirmed losing them. */
	| { removed: false; texts: number };

/**
 * Removes a language that is not the primary one. If texts are written in it, it is removed only when
 * the owner has confirmed removing at least that many (`confirmedTexts`): someone may have written
 * more since the owner was asked, and then they are asked again.
 */
export async function removeCourseLanguage(
	ctx: LiveContext,
	actor: Actor,
	courseId: string,
	lang: LangCode,
	confirmedTexts: number | null
): Promise<RemoveLanguageResult> {
	const { db } = ctx;
	await authorizeCourse(db, actor, courseId, 'course.languages');
	const spec = await currentSpec(ctx, courseId);
	if (!spec.languages.includes(lang)) throw invalid(m.languages_not_in_course({ language: named(lang) }), 'language');
	if (spec.languages[0] === lang) throw conflict(m.languages_primary_cannot_remove({ language: named(lang) }), 'language');
	const texts = textsWrittenIn(spec, lang);
	if (texts > 0 && (confirmedTexts === null || confirmedTexts < texts)) return { removed: false, texts };
	await changeCourseDoc(ctx, courseId, actor.id, (doc) => removeLanguage(doc, lang));
	return { removed: true };
}

/**
 * Makes one of the course's languages primary: the editor, the completeness check and the course's
 * title in lists read it, and public pages fall back to it. The course row's title follows when the
 * course has a title in that language.
 */
export async function makeCoursePrimaryLanguage(ctx: LiveContext, actor: Actor, courseId: string, lang: LangCode): Promise<void> {
	const { db } = ctx;
	await authorizeCourse(db, actor, courseId, 'course.languages');
	const spec = await currentSpec(ctx, courseId);
	if (!spec.languages.includes(lang)) throw invalid(m.languages_add_before_primary({ language: named(lang) }), 'language');
	if (spec.languages[0] === lang) return;
	await changeCourseDoc(ctx, courseId, actor.id, (doc) => makePrimaryLanguage(doc, lang));
	const title = spec.title[lang]?.trim();
	if (title) await db.updateTable('courses').set({ title, updated_at: new Date() }).where('id', '=', courseId).execute();
}

/** The language named in the asking person's interface language, for messages. */
const named = (lang: LangCode) => languageNameIn(lang);

async function currentSpec(ctx: LiveContext, courseId: string) {
	const doc = await currentCourseDoc(ctx, courseId);
	try {
		return docToSpec(doc);
	} finally {
		doc.destroy();
	}
}
