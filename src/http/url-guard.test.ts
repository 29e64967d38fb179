import { describe, expect, it } from 'vitest';
import { urlProblem } from './url-guard';

describe('URL guard (issue 14: paths and queries pass the text boundary)', () => {
  it('refuses NUL and other control characters in the path and in the query', () => {
    expect(urlProblem('/api/order/%00')).toMatchObject({ path: 'params', problem: 'control_character' });
    expect(urlProblem('/api/company/subscriptions?q=%00')).toMatchObject({
      path: 'querystring.q',
      problem: 'control_character',
    });
    expect(urlProblem('/api/x?q=a%0Ab')).toMatchObject({ problem: 'control_character' });
    expect(urlProblem('/api/x?q=%E2%80%AE')).toMatchObject({ problem: 'bidi_control' });
    expect(urlProblem('/api/x?q=%EF%BF%BD')).toMatchObject({ problem: 'replacement_character' });
  });

  it('refuses broken percent-encoding (e.g. an encoded lone surrogate)', () => {
    expect(urlProblem('/api/x/%ED%A0%80')).toMatchObject({ path: 'params', problem: 'invalid' });
    expect(urlProblem('/api/x?q=%E0%A4%A')).toMatchObject({ path: 'querystring.q', problem: 'invalid' });
  });

  it('lets ordinary URLs through, Norwegian letters and spaces included', () => {
    expect(urlProblem('/api/company/subscriptions?q=%C3%85se+Hansen&status=active')).toBeNull();
    expect(urlProblem('/api/order/abc_DEF-123')).toBeNull();
    expect(urlProblem('/bedrift/abonnement?')).toBeNull();
  });
});
