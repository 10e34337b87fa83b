import * as Y from 'yjs';
import type { Kysely } from 'kysely';
import { fullSpec, minimalSpec } from '$lib/course-spec/fixtures';
import type { CourseSpec, RichTextDoc } from '$lib/course-spec/types';
import { addOutcome, addTopic } from '$lib/course-spec/mutations';
import { replaceText } from '$lib/course-spec/layout';
import { getText } from '$lib/course-spec/mutations';
import { changeCourseDoc } from '$lib/server/course-docs';
import { generateId } from '$lib/server/ids';
import type { Database } from '$lib/server/db/types';
import { buildCourse, buildUser, type PublishedCourse } from './factories';
import { withoutLive } from '$lib/server/live-context';

// Courses for catalogue tests: published ones in Finnish and English, and the ways unpublished words
// could try to leak (a draft, a course in review, edits made after publishing).

export const paragraph = (text: string): RichTextDoc => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** Finnish only: the outcome says "yrityksiä", which the Finnish stemmer does not relate to "yritys". */
export function finnishSpec(): CourseSpec {
	const spec = minimalSpec();
	spec.languages = ['fi'];
	spec.title = { fi: 'Vastuullinen liiketoiminta' };
	spec.summary = { fi: paragraph('Kurssi pk-sektorin toimijoille, jotka haluavat kehittää toimintaansa.') };
	spec.awardingBody.name = { fi: 'Esimerkkiammattikorkeakoulu' };
	spec.learningOutcomes = [{ id: 'fioutcome001', text: { fi: 'Osaa neuvoa pieniä yrityksiä kiertotalouden kysymyksissä.' } }];
	spec.assessments[0].outcomeIds = ['fioutcome001'];
	spec.ectsCredits = 5;
	spec.eqfLevel = 6;
	spec.participationForm = 'http://data.europa.eu/snb/learning-assessment/e92d221e4d'; // blended
	spec.fieldOfStudy = 'http://data.europa.eu/snb/isced-f/0413';
	spec.topics = ['vastuullisuus'];
	return spec;
}

/** English: "Designing" in the title, which the English stemmer relates to "designs". */
export function englishSpec(title = 'Designing accessible services'): CourseSpec {
	const spec = minimalSpec();
	spec.title = { en: title };
	spec.summary = { en: paragraph('How public and private services can work for everyone.') };
	spec.awardingBody.name = { en: 'Example Institute of Technology' };
	spec.learningOutcomes = [{ id: 'enoutcome001', text: { en: 'Evaluate a service against accessibility guidelines.' } }];
	spec.assessments[0].outcomeIds = ['enoutcome001'];
	spec.ectsCredits = 2;
	spec.eqfLevel = 5;
	spec.participationForm = 'http://data.europa.eu/snb/learning-assessment/920fbb3cbe'; // online
	spec.fieldOfStudy = 'http://data.europa.eu/snb/isced-f/0613';
	spec.topics = ['Accessibility'];
	return spec;
}

/** A spec whose every text field holds a word nothing else uses. */
export function specWithWord(word: string): CourseSpec {
	const spec = fullSpec();
	spec.title = { en: `Course about ${word}` };
	spec.summary = { en: paragraph(`The ${word} summary.`) };
	spec.learningOutcomes[0].text = { en: `Explain ${word} to others.` };
	spec.topics = [word];
	return spec;
}

/** A course that was never submitted: its title and live document hold `word`. */
export async function buildDraftWithWord(db: Kysely<Database>, word: string): Promise<string> {
	const owner = await buildUser(db);
	const course = await buildCourse(db, owner, `Draft about ${word}`);
	await changeCourseDoc(withoutLive(db), course.id, owner.id, (doc) => {
		replaceText(getText(doc, 'title', 'en'), `Draft about ${word}`);
		addOutcome(doc, { en: `Explain ${word} to others.` });
		addTopic(doc, word);
	});
	return course.id;
}

/** A course in review: the submitted spec holds `word`. */
export async function buildInReviewWithWord(db: Kysely<Database>, word: string): Promise<string> {
	const owner = await buildUser(db);
	const course = await buildCourse(db, owner, `In review: ${word}`);
	const doc = new Y.Doc();
	await db
		.insertInto('course_reviews')
		.values({ id: generateId(), course_id: course.id, submitted_by: owner.id, state: Buffer.from(Y.encodeStateAsUpdate(doc)), spec: JSON.stringify(specWithWord(word)) })
		.execute();
	await db.updateTable('courses').set({ status: 'in_review' }).where('id', '=', course.id).execute();
	return course.id;
}

/** Edits made after publishing, not published: the live title, an outcome and the course's name hold `word`. */
export async function editAfterPublishing(db: Kysely<Database>, course: PublishedCourse, word: string): Promise<void> {
	await changeCourseDoc(withoutLive(db), course.courseId, course.publisher.id, (doc) => {
		replaceText(getText(doc, 'title', 'en'), `Renamed to ${word}`);
		addOutcome(doc, { en: `Unpublished outcome about ${word}.` });
	});
	await db.updateTable('courses').set({ title: `Renamed to ${word}` }).where('id', '=', course.courseId).execute();
}

/** Rich text that tries everything a page must not run: script text, event-handler markup, javascript: links, unknown nodes. */
export function hostileRichText(where: string): RichTextDoc {
	return {
		type: 'doc',
		content: [
			{
				type: 'paragraph',
				content: [
					{ type: 'text', text: `<script>alert('${where}')</script>` },
					{ type: 'text', text: `Visit ${where}`, marks: [{ type: 'link', attrs: { href: `javascript:alert('${where}')` } }] },
					{ type: 'text', text: '<img src=x onerror=alert(1)>' }
				]
			},
			// Not in the schema: what storage could hold anyway must still render as nothing.
			{ type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } },
			{ type: 'script', content: [{ type: 'text', text: 'alert(2)' }] }
		]
	} as unknown as RichTextDoc;
}

export function hostileSpec(): CourseSpec {
	const spec = fullSpec();
	spec.title = { en: 'Hostile </script><b>course</b>' };
	spec.summary = { en: hostileRichText('summary') };
	spec.modules[0].description = { en: hostileRichText('module') };
	spec.assessments[0].description = { en: hostileRichText('assessment') };
	spec.learningOutcomes[0].text = { en: '<img src=x onerror=alert(3)> outcome' };
	return spec;
}
