// The program catalog: the rulebooks of the five source programs. The data generator is at
// `@quip/catalog/generator`.
export { CATALOG, type CatalogEntry, catalogRulebook } from './rulebooks/catalog.ts';
export { wpcSection7Records } from './rulebooks/dhcs-wpc/section-7-example.ts';
export { docExample } from './rulebooks/doc-example.ts';
export type { RulebookInput } from './rulebooks/rulebook-input.ts';
