export declare function tscCommand(): { file: string; prefixArgs: string[] };
