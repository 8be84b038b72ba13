import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../logger.ts';

/** A logger at level info that keeps each line it writes in `lines`: for tests of what is logged. */
export function linesLogger(lines: string[]): Logger {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return createLogger('info', destination);
}
