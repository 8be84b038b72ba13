// What other packages may take from the API: its app type, for the SPA's client typed from the app
// itself (the SPA takes the API's types, never its code); and the app factory and API-key helpers,
// for the ingest benchmark, which drives the app in-process as a client would.
export { createApp, type QuipApp } from './app.ts';
export { apiKeyPrefix, generateApiKey, hashApiKey } from './auth/api-key-secret.ts';
