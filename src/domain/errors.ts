/**
 * The one error type of the product. Domain code and use cases throw it with a code;
 * the HTTP layer maps the code to a status (src/http/errors.ts) and a translated message
 * (src/http/error-messages.ts). The domain never speaks HTTP.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  'CONFLICT',
  'ORG_NUMBER_INVALID',
  'ORG_NUMBER_TAKEN',
  'EMAIL_TAKEN',
  'PHONE_INVALID',
  'PHONE_COUNTRY_NOT_ALLOWED',
  'SMS_BUDGET_EXCEEDED',
  'DATE_INVALID',
  'MONTH_INVALID',
  'ZONE_UNKNOWN',
  'ZONES_REQUIRED',
  'CATEGORY_UNKNOWN',
  'PRICE_MISSING',
  'SUBSIDY_INVALID',
  'INVITATION_INVALID',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_TOO_WEAK',
  'SECOND_FACTOR_INVALID',
  'SECOND_FACTOR_ALREADY_ENABLED',
  'SECOND_FACTOR_NOT_STARTED',
  'PASSKEY_INVALID',
  'PASSWORD_WRONG',
  'TOO_MANY_REQUESTS',
  'OTP_INVALID',
  'OTP_EXPIRED',
  'OTP_LOCKED',
  'ORDER_LINK_INVALID',
  'ORDER_LINK_UNREADABLE',
  'CONSENT_AMOUNT_CHANGED',
  'CONSENT_LINK_INVALID',
  'CONSENT_COMPANY_INACTIVE',
  'SELF_SERVICE_DISABLED',
  'COMPANY_DEACTIVATED',
  'CONSENT_REQUIRED',
  'SUBSCRIPTION_EXISTS',
  'IMPORT_ROW_REPEATED',
  'SUBSCRIPTION_STATE',
  'START_DATE_INVALID',
  'END_DATE_INVALID',
  'LAST_ADMIN',
  'BILLING_MONTH_OPEN',
  'INVOICE_NOT_CREDITABLE',
  'IMPORT_INVALID',
  'FILE_UNREADABLE',
  'ZONE_IN_USE',
  'DEPARTMENT_TAKEN',
  'DEPARTMENT_IN_USE',
  'DEPARTMENT_UNKNOWN',
  'PRICE_VERSION_NOT_AHEAD',
  'PRICE_VERSION_IN_FORCE',
  'LAST_OPERATOR_ADMIN',
  'TICKET_NOT_FOUND',
  'TICKET_NUMBER_INVALID',
  'TICKET_NUMBER_NOT_FOUND',
  'TICKET_ON_OTHER_DEVICE',
  'TICKET_NOT_ACTIVATED',
  'DPOP_PROOF_INVALID',
  'TICKET_MOVE_LIMIT',
  'MOVE_CODE_INVALID',
  'MOVE_CODE_EXPIRED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  /** Interpolation values for the translated message, e.g. { retryAfterSeconds: 60 }. */
  readonly params?: Record<string, string | number>;

  constructor(
    code: ErrorCode,
    options: { details?: unknown; params?: Record<string, string | number>; message?: string } = {},
  ) {
    super(options.message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.params = options.params;
  }
}
