/** The operator's rules for second factors (issue 12 item 6). */
export interface SecondFactorPolicy {
  requireSecondFactorStaff: boolean;
  requireSecondFactorAdmins: boolean;
}

/** What a user must still do after the password (or an emailed link) before the session is full. */
export type SecondFactorStep = 'second_factor' | 'enrol_second_factor' | null;

/**
 * A user with a second factor (an authenticator app or a passkey) must give it at every sign-in; one without it must enrol
 * first when the operator requires a second factor for their kind (all operator staff, read-only
 * included, or all company admins); otherwise nothing more is asked.
 */
export function secondFactorStep(
  user: { role: 'operator' | 'company_admin'; hasSecondFactor: boolean },
  policy: SecondFactorPolicy,
): SecondFactorStep {
  if (user.hasSecondFactor) return 'second_factor';
  const required =
    user.role === 'operator' ? policy.requireSecondFactorStaff : policy.requireSecondFactorAdmins;
  return required ? 'enrol_second_factor' : null;
}
