import { EventEmitter } from 'node:events';

/** Lets code that enqueued a job wake the runner of this process without waiting for its poll. */
export const jobEvents = new EventEmitter();
