export { publishCourse, retireCourse, unretireCourse, type Published } from './publish';
export { loadPublishPage, type PublishPage, type PublishedVersionSummary, type ApprovedSubmission } from './page';
export { validateForPublishing, type PublishingCheck, type PublishingProblem } from './validate';
export { contentHash } from './content-hash';
export { slugify } from './slug';
export { findSimilarPublished, type SimilarCourse } from './similar';
