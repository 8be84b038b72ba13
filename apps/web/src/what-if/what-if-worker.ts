/// <reference lib="webworker" />
import type { WhatIfRequest } from './what-if-messages.ts';
import { createWhatIfSession } from './what-if-session.ts';

// Recomputing 100k payees takes a few hundred milliseconds: off the main thread, typing stays smooth.
const handle = createWhatIfSession();
self.onmessage = (event: MessageEvent<WhatIfRequest>) => {
  // Met counts go out as soon as they are known; the payout follows when every payee is paid.
  self.postMessage(handle(event.data, (interim) => self.postMessage(interim)));
};
