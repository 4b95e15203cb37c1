/**
 * Public face of the `record` part. Everything exported here is public API.
 * @module
 */
export {};
