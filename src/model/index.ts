export type * from './api.js';
export type * from './operation.js';
export type * from './security.js';
export type * from './type-node.js';
