import * as Y from 'yjs';
import { emptySpec } from '$lib/course-spec/empty-spec';
import { specToDoc } from '$lib/course-spec/doc';
import type { ProviderProfile } from '../settings';

/**
 * The first state of a new course's live document: the title and what the provider profile
 * pre-fills, with every shared text already created. Made once on the server so that no two
 * browsers ever create the same nested type concurrently (one of them would lose its typing).
 */
export function initialCourseDoc(title: string, profile: ProviderProfile, language = 'en'): Uint8Array {
	const spec = emptySpec({
		language,
		organisationName: profile.organisationName,
		country: profile.country || null,
		website: profile.website || null,
		qualityAssuranceStatement: profile.qaStatement
	});
	spec.title = { [language]: title };
	const doc = specToDoc(spec, new Y.Doc());
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}
