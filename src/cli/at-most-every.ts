// Calls that come in bursts, carried out at most once per interval: the first
// call of a quiet period schedules one run `ms` later, and the calls until
// then ride along with it.

export interface AtMostEvery {
  (): void;
  /** Drops a scheduled run (on stop). */
  cancel(): void;
}

export function atMostEvery(ms: number, run: () => void): AtMostEvery {
  let timer: NodeJS.Timeout | null = null;
  const call = (): void => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      run();
    }, ms);
    timer.unref();
  };
  return Object.assign(call, {
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  });
}
