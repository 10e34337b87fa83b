export { publishCourse, retireCourse, unretireCourse, type Published } from './publish';
export { loadPublishPage } from './page';
export { checkForPublishing, validateForPublishing, type PublishingProblem, type PublishingTarget } from './validate';
export { contentHash } from './content-hash';
export { findSimilarPublished, type SimilarCourse } from './similar';
