// Errors the control API turns into `{error, message}` answers. Messages never quote secrets.
export type ForwardErrorCode = 'not_found' | 'invalid_destination' | 'invalid_request';

export class ForwardError extends Error {
  override name = 'ForwardError';
  constructor(
    readonly code: ForwardErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return this.code === 'not_found' ? 404 : 400;
  }
}
