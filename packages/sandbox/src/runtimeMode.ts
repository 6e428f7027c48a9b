/**
 * Loaded before zapier-platform-core: run the tour in core's test mode, as `zapier-platform invoke`
 * and jest do. Core's result checks (every trigger item has an id, creates return an object, …)
 * then throw instead of only logging, and the per-run memory log stays quiet.
 */
process.env.NODE_ENV ??= 'test';
