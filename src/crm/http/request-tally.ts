// A project's CRM requests per hour (the admin app's chart, GET …/stats): the
// HTTP layer counts each request it sends into this tally, in memory, so the
// hot path writes nothing; a flush (worker/request-counts.ts) moves the counts
// to the store every few seconds and when the process stops. A kill -9 loses
// at most the counts since the last flush.

const HOUR_MS = 3_600_000;

/** What the HTTP layer is given: one call per request sent to the CRM. */
export interface RequestCounter {
  count(): void;
}

/** Requests sent for a project in one UTC hour, as a flush hands them to the store. */
export interface HourlyRequests {
  readonly projectId: string;
  /** The start of the hour (UTC). */
  readonly hour: Date;
  readonly requests: number;
}

export class RequestTally {
  /** Counts by project, then by the hour's start in ms. */
  private readonly counts = new Map<string, Map<number, number>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The counter the adapters of one project are built with. */
  counterFor(projectId: string): RequestCounter {
    return { count: () => this.add(projectId, Math.floor(this.now() / HOUR_MS) * HOUR_MS, 1) };
  }

  /** Everything counted since the last drain; the tally is empty afterwards. */
  drain(): HourlyRequests[] {
    const rows: HourlyRequests[] = [];
    for (const [projectId, hours] of this.counts)
      for (const [hour, requests] of hours)
        rows.push({ projectId, hour: new Date(hour), requests });
    this.counts.clear();
    return rows;
  }

  /** Puts drained counts back (a flush the store refused), to be flushed again. */
  restore(rows: readonly HourlyRequests[]): void {
    for (const row of rows) this.add(row.projectId, row.hour.getTime(), row.requests);
  }

  private add(projectId: string, hour: number, requests: number): void {
    let hours = this.counts.get(projectId);
    if (!hours) this.counts.set(projectId, (hours = new Map<number, number>()));
    hours.set(hour, (hours.get(hour) ?? 0) + requests);
  }
}
