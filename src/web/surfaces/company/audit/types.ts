import type { AuditEntryDto } from '../../../../app/audit/list-audit';

/** An audit entry as the server sends it: a sentence in the reader's language and the differences. */
export type AuditEntry = AuditEntryDto;
