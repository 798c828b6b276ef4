/**
 * Parser messages travel as the page's warnings, because the cache keeps those with the page; one that starts
 * with this mark (a line lost, a fix that no longer matches its page) is reported as an error and fails the run.
 * Kept in a module of its own so that the directory walk can read it without loading the parser.
 */
export const ERROR_MARK = 'error: ';
