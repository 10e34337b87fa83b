export { createThread, replyToThread, editComment, deleteComment, setThreadResolved, authorizeThread, type CommentDeps, type NewThread } from './threads';
export { acceptSuggestion, rejectSuggestion } from './decide';
export { listThreads } from './list';
export { reviewCommentCounts, openReviewComments } from './review';
