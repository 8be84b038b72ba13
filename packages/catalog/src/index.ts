// The program catalog: the rulebooks of the five source programs. The data generator is at
// `@quip/catalog/generator`.
export { CATALOG, type CatalogEntry, catalogRulebook } from './rulebooks/catalog.ts';
export { docExample } from './rulebooks/doc-example.ts';
export type { RulebookInput } from './rulebooks/rulebook-input.ts';
