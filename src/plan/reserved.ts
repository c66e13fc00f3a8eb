/**
 * Globals that rendered types refer to: a schema of that name would shadow them in types.ts
 * (test/unit/plan/reserved.test.ts renders every kind of type node and checks this list).
 */
export const TYPES_MODULE_GLOBALS = ['Blob', 'Record', 'ReadableStream', 'Uint8Array'] as const;

/**
 * Method names a class must not define: the constructor, and Object.prototype members whose
 * override would break ordinary use of the client (string conversion, `hasOwnProperty` checks).
 */
export const RESERVED_METHODS = [
  'constructor',
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  'then', // a client with a `then` method would be mistaken for a promise by `await`
  'authorization', // the client's own sign-in helper for authorization code flows
] as const;
