#!/usr/bin/env node
/**
 * CDK app: reads and validates the context, builds the stack, and runs cdk-nag's AwsSolutions
 * checks (synth fails on any finding not acknowledged in lib/nag-acknowledgements.ts).
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CalpubStack } from '../lib/calpub-stack';
import { ConfigError, readConfig } from '../lib/config';
import { acknowledgeFindings } from '../lib/nag-acknowledgements';

const app = new App();
try {
  const config = readConfig((key) => app.node.tryGetContext(key));
  const stack = new CalpubStack(app, app.node.tryGetContext('stackName') ?? 'Calpub', {
    config,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  acknowledgeFindings(stack);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
