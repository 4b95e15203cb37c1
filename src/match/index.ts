/**
 * Public face of the `match` part. Everything exported here is public API.
 * @module
 */
export {};
