// Runs before every test file. The CDK validator is slow and not needed in unit tests (TOOLCHAIN.md §4).
process.env.CDK_VALIDATION ??= 'false';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
