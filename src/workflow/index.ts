/**
 * Public face of the `workflow` part. Everything exported here is public API.
 * @module
 */
export {};
