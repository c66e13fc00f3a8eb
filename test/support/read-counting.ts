/**
 * `value` behind Proxies (objects and arrays, all the way down) that count every property read:
 * an operation count that grows with the work done on the input, on any machine however loaded.
 */
export function readCounting<T extends object>(value: T): { value: T; reads: () => number } {
  let reads = 0;
  const proxies = new WeakMap<object, object>();
  const wrap = (target: object): object => {
    let proxy = proxies.get(target);
    if (proxy === undefined) {
      proxy = new Proxy(target, {
        get(inner, key, receiver) {
          reads += 1;
          const got: unknown = Reflect.get(inner, key, receiver);
          return typeof got === 'object' && got !== null ? wrap(got) : got;
        },
      });
      proxies.set(target, proxy);
    }
    return proxy;
  };
  return { value: wrap(value) as T, reads: () => reads };
}
