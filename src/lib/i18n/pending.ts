/**
 * Components that still render hard-coded text, waiting for their conversion to messages (README:
 * Interface languages). The check in no-hardcoded-strings.spec.ts fails when a file NOT listed here has
 * such text, and also when a listed file has none left: remove it from the list when you convert it.
 * Never add to this list.
 */
export const PENDING: string[] = [
	'src/routes/(app)/courses/[courseId=id]/settings/+page.svelte',
	'src/routes/(app)/courses/[courseId=id]/settings/BadgeSettings.svelte',
	'src/routes/(public)/+error.svelte',
	'src/routes/(public)/+layout.svelte',
	'src/routes/(public)/c/[slug]/CoursePage.svelte',
	'src/routes/(public)/c/[slug]/Downloads.svelte',
	'src/routes/(public)/c/[slug]/IssuerGuide.svelte',
	'src/routes/(public)/c/[slug]/PartOfPathways.svelte',
	'src/routes/(public)/c/[slug]/YouSaidWeChanged.svelte',
	'src/routes/(public)/c/[slug]/versions/+page.svelte',
	'src/routes/(public)/catalogue/+page.svelte',
	'src/routes/(public)/catalogue/PathwayList.svelte',
	'src/routes/(public)/catalogue/ResultCard.svelte',
	'src/routes/(public)/p/[slug]/+page.svelte',
];
