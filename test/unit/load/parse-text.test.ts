import { describe, expect, it } from 'vitest';
import { KeywayError } from '../../../src/errors.js';
import { detectVersion } from '../../../src/load/detect-version.js';
import { locateInJson } from '../../../src/load/json-locate.js';
import { parseText, type SourceText, type SyntaxHint } from '../../../src/load/parse-text.js';

async function parseError(text: SourceText, hint: SyntaxHint): Promise<KeywayError> {
  try {
    await parseText(text, 'doc', hint);
  } catch (error) {
    expect(error).toBeInstanceOf(KeywayError);
    return error as KeywayError;
  }
  throw new Error('expected a parse error');
}

describe('parseText', () => {
  it.each([
    ['json by extension', '{"a": [1, {"b": "c"}]}', 'json'],
    ['json by sniffing', '  {"a": [1, {"b": "c"}]}', undefined],
    ['yaml by extension', 'a:\n  - 1\n  - b: c\n', 'yaml'],
    ['yaml by default', 'a: [1, {b: c}]', undefined],
    ['yaml flow mapping in a .yaml file', '{a: [1, {b: c}]}', 'yaml'],
  ] as const)('%s', async (_name, text, hint) => {
    expect((await parseText(text, 'doc', hint)).value).toEqual({ a: [1, { b: 'c' }] });
    // as read from a file: bytes
    expect((await parseText(Buffer.from(text), 'doc', hint)).value).toEqual({ a: [1, { b: 'c' }] });
  });

  it('YAML: numeric keys become strings, merge keys are applied', async () => {
    const { value } = await parseText('base: &b {x: 1}\nresponses:\n  200: {<<: *b, y: 2}\n', 'doc', 'yaml');
    expect(value).toEqual({ base: { x: 1 }, responses: { '200': { x: 1, y: 2 } } });
  });

  it.each([
    ['trailing comma', '{\n  "a": 1,\n}', 3, 1],
    ['missing value', '{\n  "a": \n}', 3, 1],
    ['garbage after the document', '{}\n}', 2, 1],
    ['truncated', '{\n  "a": [1, 2', 2, 13],
  ])('JSON error: %s', async (_name, text, line, column) => {
    for (const source of [text, Buffer.from(text)]) {
      expect(await parseError(source, 'json')).toMatchObject({ code: 'E_PARSE', location: { file: 'doc', line, column }, message: expect.stringMatching(/^doc:\d+:\d+: invalid JSON: /) });
    }
  });

  it.each([
    ['bad indentation', 'a:\n  b: 1\n c: 2\n', 3, 1],
    ['duplicate key', 'a: 1\nb: 2\na: 3\n', 3, 1],
    ['tab indentation', 'a:\n\tb: 1\n', 2, 1],
    ['several documents', 'a: 1\n---\nb: 2\n', 2, 1],
    ['recursive alias', 'a: &x [1, *x]\n', 1, 11],
  ])('YAML error: %s', async (_name, text, line, column) => {
    expect(await parseError(text, 'yaml')).toMatchObject({ code: 'E_PARSE', location: { file: 'doc', line, column }, message: expect.stringMatching(/^doc:\d+:\d+: invalid YAML: /) });
  });

  it('JSON messages drop V8\'s quoted snippet', async () => {
    expect((await parseError('{\n  "a": \n}', 'json')).message).toBe("doc:3:1: invalid JSON: Unexpected token '}'");
  });

  it('a .yaml file starting with { that is neither JSON nor YAML reports the YAML error', async () => {
    expect((await parseError('{a: [1, }', 'yaml')).message).toMatch(/invalid YAML/);
  });

  describe('locate', () => {
    const yaml = 'openapi: 3.0.3\npaths:\n  /pets:\n    get:\n      parameters:\n        - name: a\n        - name: b\n';
    const json = '{\n  "openapi": "3.0.3",\n  "x": "}{\\"",\n  "paths": {\n    "/pets": { "get": { "parameters": [ {"name": "a"}, {"name": "b"} ] } }\n  }\n}';
    it.each([
      [[], 1, 1, 1, 1],
      [['openapi'], 1, 1, 2, 3],
      [['paths', '/pets', 'get'], 4, 5, 5, 16],
      [['paths', '/pets', 'get', 'parameters', '1'], 7, 11, 5, 56],
      [['paths', '/pets', 'get', 'parameters', '1', 'name'], 7, 11, 5, 57],
    ])('%j → YAML %i:%i, JSON %i:%i', async (segments, yamlLine, yamlColumn, jsonLine, jsonColumn) => {
      expect((await parseText(yaml, 'doc', 'yaml')).locate(segments)).toEqual({ line: yamlLine, column: yamlColumn });
      expect((await parseText(json, 'doc', 'json')).locate(segments)).toEqual({ line: jsonLine, column: jsonColumn });
      expect((await parseText(Buffer.from(json), 'doc', 'json')).locate(segments)).toEqual({ line: jsonLine, column: jsonColumn });
    });

    it.each([[['nope']], [['paths', '/pets', 'get', 'parameters', '2']], [['openapi', 'x']]])('%j is not in the text', async (segments) => {
      expect((await parseText(yaml, 'doc', 'yaml')).locate(segments)).toBeUndefined();
      expect((await parseText(json, 'doc', 'json')).locate(segments)).toBeUndefined();
    });

    it('JSON keys with escapes and slashes', () => {
      expect(locateInJson('{"a\\"b": 1, "c/d": {"e~f": true}}', ['c/d', 'e~f'])).toEqual({ line: 1, column: 21 });
      expect(locateInJson('{"a\\"b": 1}', ['a"b'])).toEqual({ line: 1, column: 2 });
    });
  });
});

describe('parseText: JSON read as bytes (non-ASCII characters are parsed from escapes)', () => {
  const text = '{\n  "title": "Zürich ☕ 😀",\n  "paths": {"/café": {"get": {"summary": "é"}}}\n}';
  const bytes = Buffer.from(text);

  it('gives the same value as the decoded text', async () => {
    expect((await parseText(bytes, 'doc', 'json')).value).toEqual(JSON.parse(text));
  });

  it('locates in the text as written, characters not bytes', async () => {
    expect((await parseText(bytes, 'doc', 'json')).locate(['paths', '/café', 'get'])).toEqual({ line: 3, column: 23 });
    expect((await parseText(bytes, 'doc', 'json')).locate(['paths', '/café', 'get', 'summary'])).toEqual({ line: 3, column: 31 });
  });

  it.each([
    ['error after non-ASCII text (😀 is two UTF-16 units, as in editors that count them)', '{"a": "é😀", "b": }', 1, 19],
    ['non-ASCII outside a string', '{"a": 1, é: 2}', 1, 10],
    ['non-ASCII character escaped with a backslash', '{"a": "\\é"}', 1, 9],
  ])('%s: reported where it is written', async (_name, json, line, column) => {
    const fromBytes = await parseError(Buffer.from(json), 'json');
    expect(fromBytes).toMatchObject({ code: 'E_PARSE', location: { file: 'doc', line, column } });
    expect(fromBytes.message).toBe((await parseError(json, 'json')).message);
  });

  it('with a reread, locate reads the source again instead of keeping it', async () => {
    const reads: string[] = [];
    const reread = (): Buffer => (reads.push('read'), Buffer.from(`\n\n${text}`)); // the file as it is now
    const { locate } = await parseText(bytes, 'doc', 'json', reread);
    expect(reads).toEqual([]);
    expect(locate(['paths'])).toEqual({ line: 5, column: 3 });
    expect(reads).toEqual(['read']);
    expect((await parseText(bytes, 'doc', 'json', () => undefined)).locate(['paths'])).toBeUndefined();
  });

  it('sniffs JSON in bytes after leading whitespace, YAML otherwise', async () => {
    expect((await parseText(Buffer.from(' \r\n\t{"a": "é"}'), 'doc', undefined)).value).toEqual({ a: 'é' });
    expect((await parseText(Buffer.from('a: é\n'), 'doc', undefined)).value).toEqual({ a: 'é' });
  });
});

describe('detectVersion', () => {
  const locate = () => undefined;
  it.each([
    [{ swagger: '2.0' }, '2.0', '2.0'],
    [{ swagger: 2 }, '2.0', '2.0'], // unquoted `swagger: 2.0` in YAML
    [{ openapi: '3.0.0' }, '3.0', '3.0.0'],
    [{ openapi: '3.0.3' }, '3.0', '3.0.3'],
    [{ openapi: '3.1.1' }, '3.1', '3.1.1'],
    [{ openapi: '3.2.0' }, '3.2', '3.2.0'],
    [{ openapi: '3.1.0-rc1' }, '3.1', '3.1.0-rc1'],
  ])('%j → %s', (document, version, specVersion) => {
    expect(detectVersion(document, 'doc', locate)).toEqual({ version, specVersion });
  });

  it.each([
    [{ openapi: '4.0.0' }, '#/openapi', /unsupported OpenAPI version '4\.0\.0'/],
    [{ openapi: '3.3.0' }, '#/openapi', /unsupported OpenAPI version '3\.3\.0'/],
    [{ openapi: 3.1 }, '#/openapi', /'openapi' must be a string such as '3\.1\.0' \(quote it in YAML\), found number 3\.1/],
    [{ swagger: '1.2' }, '#/swagger', /unsupported Swagger version "1\.2"/],
    [{ info: {} }, '#', /missing 'openapi' or 'swagger' version field/],
    [['openapi'], '#', /not an OpenAPI document: .*found an array/],
    ['openapi: 3.0.0', '#', /not an OpenAPI document: .*found string/],
  ])('%j → E_VERSION at %s', (document, pointer, message) => {
    expect(() => detectVersion(document, 'doc', locate)).toThrow(expect.objectContaining({ code: 'E_VERSION', location: { file: 'doc', pointer }, message: expect.stringMatching(message) }));
  });
});
