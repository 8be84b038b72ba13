// Moved to src/testing/test-app.ts; this re-export stays only until the tests still here move beside their code.
export { bearer, json, openTestApp, type TestApp } from '../src/testing/test-app.ts';
