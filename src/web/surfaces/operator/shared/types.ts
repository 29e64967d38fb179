import type { OperatorCompanyDto } from '../../../../app/operator/company-dto';

/** A company as GET /api/operator/companies returns it (the server's DTO; types only). */
export type OperatorCompany = OperatorCompanyDto;
