/** The body is not a delivery we understand; `field` is the path of the first offending value. */
export class MalformedDeliveryError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`malformed webhook delivery: ${field} ${reason}`);
    this.name = 'MalformedDeliveryError';
  }
}
