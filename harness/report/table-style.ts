/** cli-table3 styling that follows picocolors: no escape codes when output is not a colour terminal. */
import pc from "picocolors";

export function tableStyle(): { head: string[]; border: string[] } {
  return pc.isColorSupported ? { head: ["bold"], border: ["grey"] } : { head: [], border: [] };
}
