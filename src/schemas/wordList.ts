/** The word lists in data/ (stop words, …): one word a line, blank lines and lines starting with # skipped. */
export function parseWordList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
