import type { MessageKey, MessageParams } from "./messages";

/**
 * Misuse of a function argument. Carries a message key and its parameters, not text, so
 * each shell (custom function, CLI, task pane) says it in the user's language.
 */
export class ArgumentError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams & { arg: string },
  ) {
    super(`${key}: ${JSON.stringify(params)}`);
    this.name = "ArgumentError";
  }
}
