/**
 * Public face of the `id` part. Everything exported here is public API.
 * @module
 */
export {};
