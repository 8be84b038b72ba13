// The program catalog: the rulebooks of the five source programs. The data generator is at
// `@quip/catalog/generator`.
