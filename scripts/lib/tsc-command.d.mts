export declare function tscCommand(): { file: string; prefixArgs: string[] };
export declare function consumerCompilerOptions(moduleResolution: 'NodeNext' | 'Bundler'): Record<string, unknown>;
