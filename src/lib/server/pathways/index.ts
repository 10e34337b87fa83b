/**
 * Stackable pathways: coordinators group published courses into a larger whole (all parts, or N of
 * M), with the ECTS it adds up to and a flag at 60 ECTS; published pathways have a public page, API
 * answers and an ELM export, and their courses' exports point to them.
 * @module
 */
export { addPart, createPathway, movePart, removePart, setPathwayPublished, updatePathwayDetails, MIN_PUBLISHED_PARTS } from './store';
export {
	findCandidates,
	listPathways,
	listPublicPathways,
	loadPathway,
	publicPathwaysOfCourse,
	readPublicPathway,
	type CourseCandidate,
	type PathwayPart,
	type PathwayView
} from './read';
export { pathwayExport, pathwayExportUrl, pathwayPageUrl, pathwaysOfCourse } from './exports';
export { DEGREE_SIZE_ECTS, formatEcts, pathwayTotals, type PathwayFlag, type PathwayTotals, type Requirement } from '$lib/pathways/totals';
export { pathwayDetail, pathwayJsonLd, pathwayList } from './present';
