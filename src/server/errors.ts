import { ApiErrorCode } from '../protocol/index.ts';
import type { ApiError } from '../protocol/index.ts';

/** HTTP status for each error code a client can cause. */
export const STATUS_OF: Readonly<Record<ApiErrorCode, number>> = {
  [ApiErrorCode.badRequest]: 400,
  [ApiErrorCode.unauthorized]: 401,
  [ApiErrorCode.forbidden]: 403,
  [ApiErrorCode.notFound]: 404,
  [ApiErrorCode.drillClosed]: 409,
  [ApiErrorCode.attemptsUsed]: 409,
  [ApiErrorCode.nameTaken]: 409,
  [ApiErrorCode.playerRemoved]: 403,
  [ApiErrorCode.conflict]: 409,
  [ApiErrorCode.scenarioMismatch]: 409,
  [ApiErrorCode.unknownScenario]: 422,
  [ApiErrorCode.transcriptRejected]: 422,
  [ApiErrorCode.tooLarge]: 413,
  [ApiErrorCode.unsupportedMediaType]: 415,
  [ApiErrorCode.tooManyRequests]: 429,
};

/** A refusal the client caused: becomes `{ error: { code, message } }` with its 4xx status. */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.code = code;
  }

  get status(): number {
    return STATUS_OF[this.code];
  }

  toBody(): ApiError {
    return { error: { code: this.code, message: this.message } };
  }
}

export const fail = (code: ApiErrorCode, message: string): never => {
  throw new ApiFailure(code, message);
};
