import { isObject } from '../json/json-object.js';
import { childPointer } from '../json/json-pointer.js';
import type { LoadedDocument } from '../load/index.js';
import type { ApiModel } from '../model/index.js';
import { analyzeNamedTypes } from './named-types.js';
import { analyzeOperations } from './operations.js';
import { optionalString } from './resolve.js';
import { analyzeRequirement, analyzeSecuritySchemes } from './security.js';
import { analyzeServers } from './servers.js';
import type { SchemaContext } from './schema-to-type.js';

/** The loaded document → the model. The only stage that reads the document. */
export function analyze(loaded: LoadedDocument): ApiModel {
  const document = loaded.document;
  const schema: SchemaContext = {
    document,
    dialect: loaded.version === '3.1' || loaded.version === '3.2' ? '3.1' : '3.0',
  };
  const securitySchemes = analyzeSecuritySchemes(document);
  const declaredSchemes = new Set(securitySchemes.map((s) => s.key));
  const globalSecurity = analyzeRequirement(document.security, childPointer('#', 'security'), declaredSchemes) ?? [];
  const info = isObject(document.info) ? document.info : {};
  return {
    sourceVersion: loaded.version,
    specVersion: loaded.specVersion,
    title: optionalString(info.title) ?? 'API',
    version: optionalString(info.version) ?? '',
    description: optionalString(info.description),
    servers: analyzeServers(document.servers) ?? [],
    operations: analyzeOperations({ schema, declaredSchemes, globalSecurity }),
    types: analyzeNamedTypes(schema),
    securitySchemes,
  };
}
