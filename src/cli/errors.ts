/** A mistake in how a command was called; its message is shown as it is, without a stack. */
export class CliError extends Error {
  override name = "CliError";
}
