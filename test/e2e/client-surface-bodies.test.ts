/**
 * Stream and binary response bodies through the committed example SDK (examples/petstore-auth)
 * against a real node:http server on 127.0.0.1: `watchPets` (text/event-stream) resolves to the
 * body stream while the server is still sending, `getPhoto` (image/png, format: binary) to a Blob
 * with the exact bytes sent.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PetstoreAuthClient } from '../../examples/petstore-auth/index.js';

const PHOTO = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(64 * 1024)]);

let server: Server;
let baseUrl: string;
/** The open event stream, for the test to write the next event or end it. */
let events: { res: ServerResponse; closed: Promise<void> } | undefined;
let photoType = 'image/png';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('event: created\ndata: {"id":1}\n\n');
      events = { res, closed: new Promise((resolve) => res.on('close', () => resolve())) };
      return;
    }
    res.writeHead(200, { 'content-type': photoType });
    res.end(PHOTO);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const client = (timeoutMs?: number) => new PetstoreAuthClient({ baseUrl, auth: { bearer: 't0ken' }, timeoutMs });
const decoder = new TextDecoder();

/** Reads until `text` has arrived (SSE events may be split or joined across chunks). */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string, sofar = ''): Promise<string> {
  while (!sofar.includes(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before ${JSON.stringify(text)}; got ${JSON.stringify(sofar)}`);
    sofar += decoder.decode(value, { stream: true });
  }
  return sofar;
}

describe('text/event-stream', () => {
  it('resolves to the body stream, read event by event while the server is still sending; timeoutMs does not cut it', async () => {
    const { data: stream, response } = await client(300).watchPets().withResponse();
    expect(stream).toBeInstanceOf(ReadableStream);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = stream.getReader();
    // The first event arrives before the server has even been asked for the second.
    expect(await readUntil(reader, '\n\n')).toBe('event: created\ndata: {"id":1}\n\n');
    // Past the call's timeoutMs: the stream is the caller's now, and stays open.
    await new Promise((resolve) => setTimeout(resolve, 500));
    events!.res.write('event: updated\ndata: {"id":1,"name":"Rex"}\n\n');
    expect(await readUntil(reader, '\n\n')).toBe('event: updated\ndata: {"id":1,"name":"Rex"}\n\n');
    events!.res.end();
    expect(await reader.read()).toEqual({ value: undefined, done: true });
  });

  it("the call's signal still aborts the stream after the call resolved: the server sees the connection close", async () => {
    const controller = new AbortController();
    const stream = await client().watchPets({ signal: controller.signal });
    const reader = stream.getReader();
    await readUntil(reader, '\n\n');
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    await events!.closed;
  });
});

describe('binary', () => {
  it('image/png resolves to a Blob with the exact bytes sent', async () => {
    const photo = await client().getPhoto({ petId: 7 });
    expect(photo).toBeInstanceOf(Blob);
    expect(photo.size).toBe(PHOTO.length);
    expect(Buffer.from(await photo.arrayBuffer()).equals(PHOTO)).toBe(true);
  });

  it('still a Blob when the server labels it otherwise: the document says binary', async () => {
    photoType = 'application/json';
    try {
      const photo = await client().getPhoto({ petId: 7 });
      expect(photo).toBeInstanceOf(Blob);
      expect(Buffer.from(await photo.arrayBuffer()).equals(PHOTO)).toBe(true);
    } finally {
      photoType = 'image/png';
    }
  });
});
