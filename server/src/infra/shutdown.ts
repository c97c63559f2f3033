import type { Logger } from 'pino';

/**
 * On SIGINT/SIGTERM runs `stop` once (close the app, then stop the embedded services), then
 * exits. A second signal or a 20 s timeout forces the exit.
 */
export function onShutdownSignal(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal} received: shutting down`);
    setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, 20_000).unref();
    stop().then(
      () => process.exit(0),
      (e: unknown) => {
        logger.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
