import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { norwegianPasswordWords } from './password-words-nb';

/** The rules for a new password (issue 12 item 6, ASVS 6.2): 12 to 128 characters, zxcvbn score ≥ 3. */
export const PASSWORD_RULES = { minLength: 12, maxLength: 128, minScore: 3 } as const;

/** What zxcvbn says may make a password easy to guess: its warning and suggestion keys. */
export interface PasswordFeedback {
  warning: string | null;
  suggestions: string[];
}

/** The judgement of a new password: ok, or which rule it breaks and zxcvbn's feedback. */
export type PasswordJudgement =
  | { ok: true; score: number }
  | { ok: false; problem: 'too_short' }
  | { ok: false; problem: 'too_long' }
  | { ok: false; problem: 'too_weak'; score: number; feedback: PasswordFeedback };

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: {
      ...common.dictionary,
      ...english.dictionary,
      'commonWords-nb': [...norwegianPasswordWords],
    },
    graphs: common.adjacencyGraphs,
  });
  return factory;
}

/**
 * The words of the person and their company that must not make up their password: the whole
 * email, its local part and domain split at dots, dashes and underscores, the company name and
 * each of its words. Lower-cased, at least three characters.
 */
export function passwordUserInputs(context: {
  email?: string | null;
  companyName?: string | null;
}): string[] {
  const words = new Set<string>();
  const add = (word: string) => {
    const w = word.trim().toLowerCase();
    if ([...w].length >= 3) words.add(w);
  };
  if (context.email) {
    add(context.email);
    const [local = '', domain = ''] = context.email.split('@');
    add(local);
    add(domain);
    for (const part of `${local}.${domain}`.split(/[._\-+]/)) add(part);
  }
  if (context.companyName) {
    add(context.companyName);
    add(context.companyName.replace(/\s+/g, ''));
    for (const part of context.companyName.split(/[\s.,&\-/]+/)) add(part);
  }
  return [...words];
}

/**
 * True when the letters of `password`, lower-cased, are nothing but the person's own words (their
 * email's and company's words, in any order and repeated) with at most two other letters between
 * them (e.g. "as"): whatever separators, digits or symbols stand between them.
 */
function onlyOwnWords(password: string, inputs: string[]): boolean {
  const letters = password.toLowerCase().replace(/[^\p{L}]/gu, '');
  const words = inputs.map((w) => w.replace(/[^\p{L}]/gu, '')).filter((w) => w.length >= 3);
  if (letters.length === 0 || words.length === 0) return false;
  // reach[i]: letters[0, i) is own words and short fillers; filler counts the letters not in words.
  const best = new Array<number>(letters.length + 1).fill(Number.POSITIVE_INFINITY);
  best[0] = 0;
  for (let i = 0; i < letters.length; i++) {
    if (best[i] === Number.POSITIVE_INFINITY) continue;
    for (const w of words)
      if (letters.startsWith(w, i)) best[i + w.length] = Math.min(best[i + w.length]!, best[i]!);
    best[i + 1] = Math.min(best[i + 1]!, best[i]! + 1);
  }
  const usedWords = best[letters.length]! < letters.length;
  return usedWords && best[letters.length]! <= 2;
}

/**
 * Judges a new password: its length in characters (code points) first, then its zxcvbn score
 * against English and Norwegian words, common passwords, keyboard patterns and the person's own
 * email and company name. Pure; the same rule runs in the browser as a hint.
 */
export function judgePassword(
  password: string,
  context: { email?: string | null; companyName?: string | null } = {},
): PasswordJudgement {
  const length = [...password].length;
  if (length < PASSWORD_RULES.minLength) return { ok: false, problem: 'too_short' };
  if (length > PASSWORD_RULES.maxLength) return { ok: false, problem: 'too_long' };
  const inputs = passwordUserInputs(context);
  // The person's own words with separators, digits or symbols between them ("bravo-bedrift-2026")
  // are no stronger than the words: zxcvbn scores the separators as random characters.
  if (onlyOwnWords(password, inputs))
    return { ok: false, problem: 'too_weak', score: 0, feedback: { warning: 'userInputs', suggestions: [] } };
  const result = zxcvbn().check(password, inputs);
  if (result.score >= PASSWORD_RULES.minScore) return { ok: true, score: result.score };
  return {
    ok: false,
    problem: 'too_weak',
    score: result.score,
    feedback: { warning: result.feedback.warning, suggestions: [...result.feedback.suggestions] },
  };
}

type Lang = 'nb' | 'en';

const warnings: Record<string, Record<Lang, string>> = {
  straightRow: {
    nb: 'Rette rader av taster er lette å gjette.',
    en: 'Straight rows of keys are easy to guess.',
  },
  keyPattern: {
    nb: 'Korte tastaturmønstre er lette å gjette.',
    en: 'Short keyboard patterns are easy to guess.',
  },
  simpleRepeat: {
    nb: 'Gjentatte tegn som «aaa» er lette å gjette.',
    en: 'Repeated characters like "aaa" are easy to guess.',
  },
  extendedRepeat: {
    nb: 'Gjentatte mønstre som «abcabcabc» er lette å gjette.',
    en: 'Repeated patterns like "abcabcabc" are easy to guess.',
  },
  sequences: {
    nb: 'Rekker som «abc» eller «123» er lette å gjette.',
    en: 'Sequences like "abc" or "123" are easy to guess.',
  },
  recentYears: { nb: 'Årstall fra de siste årene er lette å gjette.', en: 'Recent years are easy to guess.' },
  dates: { nb: 'Datoer er lette å gjette.', en: 'Dates are easy to guess.' },
  topTen: { nb: 'Dette er et av de mest brukte passordene.', en: 'This is one of the most used passwords.' },
  topHundred: { nb: 'Dette er et svært vanlig passord.', en: 'This is a very common password.' },
  common: { nb: 'Dette er et vanlig passord.', en: 'This is a common password.' },
  similarToCommon: { nb: 'Dette ligner et vanlig passord.', en: 'This is similar to a common password.' },
  wordByItself: { nb: 'Enkeltord er lette å gjette.', en: 'Single words are easy to guess.' },
  namesByThemselves: { nb: 'Navn alene er lette å gjette.', en: 'Names on their own are easy to guess.' },
  commonNames: { nb: 'Vanlige navn er lette å gjette.', en: 'Common names are easy to guess.' },
  userInputs: {
    nb: 'Passordet bør ikke inneholde e-postadressen din eller navnet på bedriften.',
    en: 'The password should not contain your email address or the company name.',
  },
  pwned: { nb: 'Dette passordet er lekket på nettet.', en: 'This password has been leaked on the internet.' },
};

const suggestions: Record<string, Record<Lang, string>> = {
  l33t: { nb: 'Unngå forutsigbare bytter som «@» for «a».', en: 'Avoid predictable swaps like "@" for "a".' },
  reverseWords: { nb: 'Unngå vanlige ord stavet baklengs.', en: 'Avoid common words spelled backwards.' },
  allUppercase: { nb: 'Bruk store bokstaver bare noen steder.', en: 'Capitalise some, not all, letters.' },
  capitalization: {
    nb: 'Bruk store bokstaver flere steder enn først.',
    en: 'Capitalise more than the first letter.',
  },
  dates: { nb: 'Unngå datoer og årstall som hører til deg.', en: 'Avoid dates and years tied to you.' },
  recentYears: { nb: 'Unngå årstall fra de siste årene.', en: 'Avoid recent years.' },
  associatedYears: { nb: 'Unngå årstall som hører til deg.', en: 'Avoid years tied to you.' },
  sequences: { nb: 'Unngå vanlige tegnrekker.', en: 'Avoid common sequences of characters.' },
  repeated: { nb: 'Unngå gjentatte ord og tegn.', en: 'Avoid repeated words and characters.' },
  longerKeyboardPattern: {
    nb: 'Bruk lengre tastaturmønstre og skift retning flere ganger.',
    en: 'Use longer keyboard patterns and change direction several times.',
  },
  anotherWord: {
    nb: 'Legg til flere ord som er mindre vanlige.',
    en: 'Add more words that are less common.',
  },
  useWords: {
    nb: 'Bruk flere ord, men ikke kjente uttrykk.',
    en: 'Use several words, but not well-known phrases.',
  },
  noNeed: {
    nb: 'Et sterkt passord trenger ikke tall eller spesialtegn: flere uvanlige ord holder.',
    en: 'A strong password needs no digits or symbols: several uncommon words will do.',
  },
  pwned: {
    nb: 'Bruker du dette passordet andre steder, bør du bytte det.',
    en: 'If you use this password elsewhere, change it.',
  },
};

/** The fallback when zxcvbn gives no advice of its own. */
const fallback: Record<Lang, string> = {
  nb: 'Gjør passordet lengre med flere uvanlige ord.',
  en: 'Make the password longer with more uncommon words.',
};

/** zxcvbn's feedback keys as sentences in bokmål or English (unknown keys are left out). */
export function passwordFeedbackText(feedback: PasswordFeedback, lang: Lang): string {
  const parts = [
    ...(feedback.warning ? [warnings[feedback.warning]?.[lang]] : []),
    ...feedback.suggestions.map((key) => suggestions[key]?.[lang]),
  ].filter((text): text is string => Boolean(text));
  return (parts.length > 0 ? parts : [fallback[lang]]).join(' ');
}

/** Feedback as one parameter string (`warning|suggestion,suggestion`), to travel in an error. */
export function encodePasswordFeedback(feedback: PasswordFeedback): string {
  return `${feedback.warning ?? ''}|${feedback.suggestions.join(',')}`;
}

/** The inverse of encodePasswordFeedback. */
export function decodePasswordFeedback(encoded: string): PasswordFeedback {
  const [warning = '', list = ''] = encoded.split('|');
  return { warning: warning || null, suggestions: list ? list.split(',') : [] };
}
