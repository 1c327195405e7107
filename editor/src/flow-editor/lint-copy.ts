// Lint issues in lists: a React key for each (issues carry no id). Their words are the catalogue's
// (catalogue/issue-text.ts).
import type { Issue } from '../../../shared/flow/issues.ts';

/** A React key for an issue: issues carry no id, but never repeat all of these at once. */
export const issueKey = (issue: Pick<Issue, 'nodeId' | 'edgeId' | 'path' | 'message'> & { code: string }) =>
  [issue.code, issue.nodeId, issue.edgeId, issue.path, issue.message].join('|');
