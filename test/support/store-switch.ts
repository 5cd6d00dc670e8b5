import type { Store } from '../../src/store/store.js';

/** A store that can be turned off: while `down`, every call rejects as a lost database would. */
export interface StoreSwitch {
  down: boolean;
  /** Calls made while down, by method. */
  readonly refused: Map<string, number>;
  wrap(store: Store): Store;
}

export function storeSwitch(): StoreSwitch {
  const state: StoreSwitch = {
    down: false,
    refused: new Map(),
    wrap(store) {
      return new Proxy(store, {
        get(target, name, receiver) {
          const value: unknown = Reflect.get(target, name, receiver);
          if (typeof value !== 'function' || name === 'close') return value;
          return (...args: unknown[]): unknown => {
            if (state.down) {
              const key = String(name);
              state.refused.set(key, (state.refused.get(key) ?? 0) + 1);
              return Promise.reject(new Error('connect ECONNREFUSED (test: the store is down)'));
            }
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    },
  };
  return state;
}
