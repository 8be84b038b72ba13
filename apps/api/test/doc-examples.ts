// Moved to src/testing/doc-examples.ts; this re-export stays only until the tests importing it from here move.
export { exampleRows, parseMarker, readDocExamples } from '../src/testing/doc-examples.ts';
