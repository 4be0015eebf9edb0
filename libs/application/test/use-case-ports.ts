import type { Ports } from '#application';

/** The ports a test gives the use cases it runs; reaching for one it did not give fails the test loudly. */
export function portsOf(given: Partial<Ports>): Ports {
  return new Proxy(given, {
    get(target, key) {
      if (typeof key === 'symbol' || key === 'then') return undefined;
      if (!(key in target)) throw new Error(`This test gives the use cases no ${key}`);
      return target[key as keyof Ports];
    },
  }) as Ports;
}
