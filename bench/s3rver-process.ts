/** Runs s3rver in its own process (as S3 is remote to the Lambda), printing `PORT <n>` once ready. */
import { startLocalS3 } from '../bin/cli/local-s3';

startLocalS3(process.argv[2], process.argv.slice(3)).then((s3) => process.stdout.write(`PORT ${s3.port}\n`));
