import type { MessageKey, MessageParams } from "./messages";

/**
 * An error that carries a message key and its parameters, not text, so each shell (custom
 * function, CLI, task pane) says it in the user's language.
 *
 * @example
 * message("nl", error.key, error.params)
 */
export class KeyedError<P extends MessageParams = MessageParams> extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: P,
  ) {
    super(`${key}: ${JSON.stringify(params)}`);
    this.name = new.target.name;
  }
}

/** Misuse of a function argument or option; `arg` names it. */
export class ArgumentError extends KeyedError<MessageParams & { arg: string }> {}
