// fast-check arbitraries for the `text` part (owned by that part).
export {};
