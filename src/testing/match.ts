// fast-check arbitraries for the `match` part (owned by that part).
export {};
