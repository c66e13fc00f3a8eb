import type { StrategyFactory } from '../strategy-factory.js';
import { SigV4Auth } from './sigv4-auth.js';

/** AWS Signature Version 4 schemes (`x-amazon-apigateway-authtype` awsSigv4 / awsS3). */
export const sigv4Strategies: StrategyFactory = (name, spec, credential, context) => {
  if (spec.type !== 'awsSigV4') return undefined;
  // The client's auth environment; only its clock matters here.
  const env = context.env as { now?: (() => number) | undefined } | undefined;
  return new SigV4Auth(name, credential, { s3: spec.s3 === true, service: spec.service, region: spec.region, now: env?.now });
};
