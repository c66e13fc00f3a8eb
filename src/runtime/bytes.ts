/**
 * A Uint8Array over a plain ArrayBuffer: what lib.dom's `BufferSource` and `BodyInit` accept since
 * TypeScript 5.7 made typed arrays generic (`Uint8Array<ArrayBuffer>`). Written through
 * `Uint8Array.of` so that before 5.7, where `Uint8Array` takes no type argument, it is plain
 * `Uint8Array` and the client still compiles.
 */
export type Bytes = ReturnType<typeof Uint8Array.of>;
