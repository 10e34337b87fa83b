export { submitForReview } from './submit';
export { approveSubmission, requestChanges, withdrawSubmission } from './decide';
export { listReviewQueue, type QueueItem, type ReviewQueue } from './queue';
export { loadDashboard, type Dashboard } from './dashboard';
export { reviewSummary, type ReviewSummary } from './summary';
export { loadReviewPage, type ReviewPage, type ReviewWorkspace, type Readiness, type SubmissionView } from './page';
export { compareForReview, readSubmittedSpec, REVIEW_SIDES, type ReviewComparison, type ReviewSide } from './compare';
export { readTimeline, type TimelineEvent } from './timeline';
