/** SCAFFOLD — replaced by the VMkernel status-code implementation. */
export function decodeStatusCodeMarkdown(_input: string): string | null {
  return null;
}
