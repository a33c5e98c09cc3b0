/** Text made safe to put in HTML, between tags or in a quoted attribute: what a student wrote is shown, never run. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
