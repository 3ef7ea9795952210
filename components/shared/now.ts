import { signal } from '@preact/signals';

/** The time the panel's timers count from; moves on every 30 seconds. */
export const now = signal(new Date());
setInterval(() => (now.value = new Date()), 30_000);

/** Set when an escalation has just been started, so its view takes keyboard focus. */
export const justStarted = signal(false);
