// Types of aws-signing-check.mjs for the tests that import it.
export declare const EXAMPLE_KEYS: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
export declare function importClient(dir: string): Promise<Record<string, unknown>>;
export declare function expectedScope(document: object): { service: string | undefined; region: string };
export declare function sampleArgs(op: object): Record<string, unknown>;
export declare function checkSignatures(
  mod: Record<string, unknown>,
  document: object,
  options?: { limit?: number },
): Promise<{ operations: number; identical: number; failures: Array<{ operation: string; reason: string }> }>;
