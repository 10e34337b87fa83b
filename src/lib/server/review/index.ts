export { submitForReview } from './submit';
export { approveSubmission, requestChanges, withdrawSubmission } from './decide';
export { listReviewQueue, type QueueItem, type ReviewQueue } from './queue';
export { loadDashboard } from './dashboard';
export { reviewSummary } from './summary';
export { loadReviewPage, type ReviewWorkspace, type Readiness } from './page';
export { compareForReview, readSubmittedSpec, REVIEW_SIDES } from './compare';
export type { TimelineEvent } from './timeline';
