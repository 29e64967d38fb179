import { describe, expect, it } from 'vitest';
import {
  decodePasswordFeedback,
  encodePasswordFeedback,
  judgePassword,
  PASSWORD_RULES,
  passwordFeedbackText,
  passwordUserInputs,
} from './password-strength';

describe('issue 12.6: a new password is 12–128 characters and hard to guess (zxcvbn score ≥ 3)', () => {
  it('refuses aaaaaaaaaaaa as too easy to guess, with feedback about the repetition', () => {
    const judgement = judgePassword('aaaaaaaaaaaa');
    expect(judgement).toMatchObject({ ok: false, problem: 'too_weak' });
    if (judgement.ok || judgement.problem !== 'too_weak') throw new Error('unreachable');
    expect(judgement.score).toBeLessThan(PASSWORD_RULES.minScore);
    expect(judgement.feedback.warning).toBe('simpleRepeat');
    expect(passwordFeedbackText(judgement.feedback, 'nb')).toContain('Gjentatte tegn');
    expect(passwordFeedbackText(judgement.feedback, 'en')).toContain('Repeated characters');
  });

  it('refuses common passwords and keyboard rows of 12+ characters', () => {
    for (const password of ['password1234', 'qwertyuiop123', '123456789012', 'passordpassord']) {
      expect(judgePassword(password).ok, password).toBe(false);
    }
  });

  it('counts fewer than 12 and more than 128 characters (code points, not UTF-16 units)', () => {
    expect(judgePassword('elleve-tegn')).toEqual({ ok: false, problem: 'too_short' });
    expect(judgePassword('🚋🚋🚋🚋🚋🚋🚋🚋🚋🚋🚋')).toEqual({ ok: false, problem: 'too_short' });
    const long = 'Blå trikk til Frogner '.repeat(6);
    expect([...long].length).toBeGreaterThan(128);
    expect(judgePassword(long)).toEqual({ ok: false, problem: 'too_long' });
    expect(judgePassword(long.slice(0, 128)).ok).toBe(true);
  });

  it('knows common Norwegian password words that the English lists miss', () => {
    for (const password of ['kjærestesommer', 'jegelskerdeg12', 'rosenborgbrann', 'bedriftsbillett1']) {
      expect(judgePassword(password).ok, password).toBe(false);
    }
  });

  it("counts the person's own email and company name as easy words", () => {
    const context = { email: 'kari.nordmann@acme.no', companyName: 'Acme' };
    expect(judgePassword('kari.nordmann.acme').ok).toBe(true);
    const judgement = judgePassword('kari.nordmann.acme', context);
    expect(judgement).toMatchObject({ ok: false, problem: 'too_weak', feedback: { warning: 'userInputs' } });
    expect(passwordUserInputs(context)).toEqual(
      expect.arrayContaining(['kari.nordmann@acme.no', 'kari.nordmann', 'kari', 'nordmann', 'acme']),
    );
    expect(passwordUserInputs({ companyName: 'Sørlandet Verksted AS' })).toEqual(
      expect.arrayContaining(['sørlandet verksted as', 'sørlandetverkstedas', 'sørlandet', 'verksted']),
    );
  });

  it("refuses the person's own words with separators, digits or a year between them (hostile check)", () => {
    const context = { email: 'kari@bravo.example', companyName: 'Bravo Bedrift AS' };
    for (const weak of [
      'bravobedrift2026',
      'bravo-bedrift-as',
      'bravo-bedrift-2026',
      'Bedrift!Bravo#2027',
      'kari.bravo.bedrift',
    ]) {
      expect(judgePassword(weak, context), weak).toMatchObject({ ok: false, problem: 'too_weak' });
    }
    // Their words inside a real passphrase are fine.
    expect(judgePassword('bravo bedrift kjøper sjokolade på tirsdager', context).ok).toBe(true);
  });

  it('accepts a passphrase of several uncommon words', () => {
    expect(judgePassword('Blå trikk til Frogner om morgenen')).toMatchObject({ ok: true });
    expect(judgePassword('korrekt hest batteri stift')).toMatchObject({ ok: true });
  });

  it('feedback travels in an error parameter and back unchanged', () => {
    const feedback = { warning: 'common', suggestions: ['anotherWord', 'capitalization'] };
    expect(decodePasswordFeedback(encodePasswordFeedback(feedback))).toEqual(feedback);
    expect(decodePasswordFeedback(encodePasswordFeedback({ warning: null, suggestions: [] }))).toEqual({
      warning: null,
      suggestions: [],
    });
    expect(passwordFeedbackText({ warning: null, suggestions: [] }, 'nb')).toContain('lengre');
  });
});
