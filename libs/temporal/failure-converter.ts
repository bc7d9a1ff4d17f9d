import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failures' message and stack trace go into `encodedAttributes`, a payload, so the payload codec
 * encrypts them like every other payload: the history, the UI and the server's Update outcomes hold
 * "Encoded failure" in clear, nothing else. The type (`ApplicationFailure.type`) and `nonRetryable`
 * stay in clear: the API maps refusals by type, and Temporal retries by them.
 *
 * Loaded by path (DataConverter.failureConverterPath): the client and the worker require it, and the
 * workflow bundler builds it into the sandbox, so it imports @temporalio/common alone.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
