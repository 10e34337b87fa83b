export { publishCourse, retireCourse, unretireCourse, type Published } from './publish';
export { loadPublishPage } from './page';
export { validateForPublishing, type PublishingProblem } from './validate';
export { contentHash } from './content-hash';
export { findSimilarPublished, type SimilarCourse } from './similar';
