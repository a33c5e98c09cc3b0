/**
 * The feed's one order: the higher score first; between equal scores, the post published later
 * (higher sequence) first. Sequences are unique, so the order is total and a cursor can name a
 * position in it exactly.
 */
export function ranksBefore(score: number, sequence: number, otherScore: number, otherSequence: number): boolean {
  return score > otherScore || (score === otherScore && sequence > otherSequence);
}

/** Whether a post comes after the cursor's post (the previous page's last) in feed order. */
export function isPastCursor(score: number, sequence: number, cursorScore: number, cursorSequence: number): boolean {
  return ranksBefore(cursorScore, cursorSequence, score, sequence);
}
