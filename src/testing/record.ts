// fast-check arbitraries for the `record` part (owned by that part).
export {};
