// The API logs through Quip's one logger (one redaction list for the API and the worker).
export { createLogger, type Logger } from '@quip/runtime';
