// Public surface of @quip/core. Each area owns its own index; this file only gathers them.
export * from './errors.ts';
