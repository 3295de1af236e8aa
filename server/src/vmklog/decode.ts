/**
 * The "Decode VMkernel status code" request, as the server imports it at start-up: the status
 * tables (status.ts) come with the ESX log mode, loaded on the first request (see modes.ts).
 */
export function decodeStatusCodeMarkdown(input: string): string | null {
  return (require('./index') as typeof import('./index')).decodeStatusCodeMarkdown(input);
}
