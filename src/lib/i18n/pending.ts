/**
 * Components that still render hard-coded text, waiting for their conversion to messages (README:
 * Interface languages). The check in no-hardcoded-strings.spec.ts fails when a file NOT listed here has
 * such text, and also when a listed file has none left: remove it from the list when you convert it.
 * Never add to this list.
 */
export const PENDING: string[] = [
];
