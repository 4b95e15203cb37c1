// fast-check arbitraries for the `workflow` part (owned by that part).
export {};
