/**
 * One token refresh at a time: when many requests see an expired token at
 * once, they share the same refresh instead of storming the OAuth server.
 */
export class SingleFlight<T> {
  private running: Promise<T> | null = null;

  run(task: () => Promise<T>): Promise<T> {
    if (!this.running) {
      this.running = task().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }
}
