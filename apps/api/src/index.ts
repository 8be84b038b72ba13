// What other packages may take from the API: its type only (DESIGN.md §3: the SPA may take the
// API's types, never its code), for a client typed from the app itself.
export type { QuipApp } from './app.ts';
