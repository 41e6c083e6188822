/** About 6,000 tokens: room for the answer and the conversation around it. */
export const MAX_CHARS = 24_000;

/**
 * Cuts text that would flood a chat window at a line boundary, and says so — with how much was
 * left out and how to narrow the request. Never truncates silently.
 */
export function bounded(text: string, narrowHint: string, max = MAX_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n', max);
  const kept = text.slice(0, cut > max / 2 ? cut : max);
  const totalLines = text.split('\n').length;
  const keptLines = kept.split('\n').length;
  return `${kept}\n… [truncated: showing ${keptLines} of ${totalLines} lines (${kept.length} of ${text.length} characters). ${narrowHint}]`;
}

/** The line under a list the server cut short at `limit`. */
export function moreNote(shown: number, more: boolean, remaining?: number): string {
  if (!more) return '';
  const how = remaining ? `${remaining} more` : 'more';
  return `\n… [${shown} shown, ${how} exist: raise limit, or narrow with namespace, labelSelector or fieldSelector]`;
}
