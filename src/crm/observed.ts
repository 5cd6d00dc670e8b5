import type { CrmPort, NotifyOperation, Result } from './port.js';

/** A CRM call as an observer sees it: which kind, how long it took, whether it succeeded. */
export type CrmCallObserver = (
  method: 'findClient' | 'apply',
  seconds: number,
  ok: boolean,
) => void;

/**
 * The port with each lookup and write timed for an observer (the service's
 * metrics, the engine benchmark). It changes nothing of what the port does.
 */
export function observedPort(inner: CrmPort, observe: CrmCallObserver): CrmPort {
  const timed = async <T>(
    method: 'findClient' | 'apply',
    call: () => Promise<Result<T>>,
  ): Promise<Result<T>> => {
    const started = process.hrtime.bigint();
    const result = await call();
    observe(method, Number(process.hrtime.bigint() - started) / 1e9, result.ok);
    return result;
  };
  const notifyTogether = inner.notifyTogether?.bind(inner);
  return {
    findClient: (lookup) => timed('findClient', () => inner.findClient(lookup)),
    apply: (operation, how) => timed('apply', () => inner.apply(operation, how)),
    listUsers: () => inner.listUsers(),
    ...(notifyTogether && {
      notifyTogether: (operations: readonly NotifyOperation[]) =>
        timed('apply', () => notifyTogether(operations)),
    }),
  };
}
