import { describe, expect, it } from 'vitest';
import type { Actor } from './index';
import { canPathway, canReadPathwayPublicly, PATHWAY_ACTIONS, type PathwayAction } from './pathways';

// The pathway rules as a table, like the course matrix: a change to canPathway must be a change here.
const WHO = ['member', 'loggedOut', 'coordinator', 'admin'] as const;
type Who = (typeof WHO)[number];
const Y = true;
const N = false;

// prettier-ignore
const MATRIX: Record<PathwayAction, readonly [boolean, boolean, boolean, boolean]> = {
	//                  member loggedOut coord admin
	'pathway.list':    [N,     N,        Y,    Y],
	'pathway.create':  [N,     N,        Y,    Y],
	'pathway.edit':    [N,     N,        Y,    Y],
	'pathway.publish': [N,     N,        Y,    Y]
};

const actorFor = (who: Who): Actor | null => (who === 'loggedOut' ? null : { id: `user-${who}`, role: who });

describe('pathway policy matrix', () => {
	it('has a row for every exported action and no others', () => {
		expect(Object.keys(MATRIX).sort()).toEqual([...PATHWAY_ACTIONS].sort());
	});

	it.each(PATHWAY_ACTIONS)('%s', (action) => {
		const actual = Object.fromEntries(WHO.map((who) => [who, canPathway(actorFor(who), action) ? 'allow' : 'deny']));
		const expected = Object.fromEntries(WHO.map((who, i) => [who, MATRIX[action][i] ? 'allow' : 'deny']));
		expect(actual).toEqual(expected);
	});

	it('lets the public read a published pathway only', () => {
		expect(canReadPathwayPublicly({ publishedAt: new Date() })).toBe(true);
		expect(canReadPathwayPublicly({ publishedAt: null })).toBe(false);
	});
});
