/** The command was understood but could not be done (a server unreachable, a refusal): exit code 1. */
export class CliFailure extends Error {}
