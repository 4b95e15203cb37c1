// fast-check arbitraries for the `id` part (owned by that part).
export {};
