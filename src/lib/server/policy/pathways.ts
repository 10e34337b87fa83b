import { isReviewer, type Actor } from './index';

/**
 * Stackable pathways: coordinators (and admins) keep the catalogue, so they build pathways out of
 * published courses; course teams do not, because a pathway speaks for the institution, not for one
 * course. Everyone, signed in or not, reads a published pathway; a draft pathway is the coordinators'.
 */

export type PathwayAction =
	/** See every pathway, drafts included, and their 60 ECTS flags. */
	| 'pathway.list'
	| 'pathway.create'
	/** Change the title, description, address, requirement and parts. */
	| 'pathway.edit'
	/** Make the pathway public or take it back. */
	| 'pathway.publish';

export const PATHWAY_ACTIONS: readonly PathwayAction[] = ['pathway.list', 'pathway.create', 'pathway.edit', 'pathway.publish'];

export function canPathway(actor: Actor | null, action: PathwayAction): boolean {
	if (!actor) return false;
	switch (action) {
		case 'pathway.list':
		case 'pathway.create':
		case 'pathway.edit':
		case 'pathway.publish':
			return isReviewer(actor);
	}
}

/** The public (page, API, sitemap, course pages, catalogue) reads a pathway only while it is published. */
export function canReadPathwayPublicly(pathway: { publishedAt: Date | null }): boolean {
	return pathway.publishedAt !== null;
}
