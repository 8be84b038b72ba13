// Moved to src/testing/rulebooks-fixture.ts; this re-export stays only until the tests still here move beside their code.
export { ddsQipRulebook, publishScreeningProgram } from '../src/testing/rulebooks-fixture.ts';
