import { describe, expect, it } from 'vitest';
import { secondFactorStep } from './second-factor';

const none = { requireSecondFactorStaff: false, requireSecondFactorAdmins: false };

describe('issue 12.6: when a sign-in needs a second step', () => {
  it('a person with an authenticator app or a passkey always gives it, required or not', () => {
    expect(secondFactorStep({ role: 'operator', hasSecondFactor: true }, none)).toBe('second_factor');
    expect(secondFactorStep({ role: 'company_admin', hasSecondFactor: true }, none)).toBe('second_factor');
  });

  it('without one, a person enrols only when the operator requires it for their kind', () => {
    const staff = { requireSecondFactorStaff: true, requireSecondFactorAdmins: false };
    const admins = { requireSecondFactorStaff: false, requireSecondFactorAdmins: true };
    expect(secondFactorStep({ role: 'operator', hasSecondFactor: false }, none)).toBeNull();
    expect(secondFactorStep({ role: 'operator', hasSecondFactor: false }, staff)).toBe('enrol_second_factor');
    expect(secondFactorStep({ role: 'company_admin', hasSecondFactor: false }, staff)).toBeNull();
    expect(secondFactorStep({ role: 'company_admin', hasSecondFactor: false }, admins)).toBe(
      'enrol_second_factor',
    );
    expect(secondFactorStep({ role: 'operator', hasSecondFactor: false }, admins)).toBeNull();
  });
});
