// Runs before every test file. Node re-reads TZ when it is assigned, so this sets the process zone.
process.env.TZ = globalThis.TEST_TZ ?? 'UTC';
// The CDK validator is slow and not needed in unit tests (cdk synth in CI runs it).
process.env.CDK_VALIDATION ??= 'false';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
