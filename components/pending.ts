// Pending approvals as the popup, the side panel and the options page list them: the list itself
// (sorting, folding, the first page and the count) lives with the mirror, utils/db/pending-list.ts.
export * from '@/utils/db/pending-list';
