export * from './meets-target.ts';
export * from './percentile-inc.ts';
export * from './resolve-target.ts';
export * from './target-spec.ts';
