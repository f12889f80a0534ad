/** Port: one business change, all or nothing. Use cases own the boundary. */
export interface UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T>;
}
