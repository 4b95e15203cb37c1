/**
 * Public face of the `text` part. Everything exported here is public API.
 * @module
 */
export {};
