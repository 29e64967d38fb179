import { describe, expect, it } from 'vitest';
import { secondFactorStep } from './second-factor';

const none = { requireSecondFactorStaff: false, requireSecondFactorAdmins: false };

describe('issue 12.6: when a sign-in needs a second step', () => {
  it('a person with a confirmed TOTP always gives a code, required or not', () => {
    expect(secondFactorStep({ role: 'operator', totpEnabled: true }, none)).toBe('second_factor');
    expect(secondFactorStep({ role: 'company_admin', totpEnabled: true }, none)).toBe('second_factor');
  });

  it('without one, a person enrols only when the operator requires it for their kind', () => {
    const staff = { requireSecondFactorStaff: true, requireSecondFactorAdmins: false };
    const admins = { requireSecondFactorStaff: false, requireSecondFactorAdmins: true };
    expect(secondFactorStep({ role: 'operator', totpEnabled: false }, none)).toBeNull();
    expect(secondFactorStep({ role: 'operator', totpEnabled: false }, staff)).toBe('enrol_second_factor');
    expect(secondFactorStep({ role: 'company_admin', totpEnabled: false }, staff)).toBeNull();
    expect(secondFactorStep({ role: 'company_admin', totpEnabled: false }, admins)).toBe(
      'enrol_second_factor',
    );
    expect(secondFactorStep({ role: 'operator', totpEnabled: false }, admins)).toBeNull();
  });
});
