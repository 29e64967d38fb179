import Negotiator from 'negotiator';
import type { ErrorCode } from '../domain/errors';
import { decodePasswordFeedback, passwordFeedbackText } from '../domain/password-strength';

export type Lang = 'nb' | 'en';

/** Every error message in bokmål and English. `{name}` placeholders take the error's params. */
export const errorMessages: Record<ErrorCode, Record<Lang, string>> = {
  VALIDATION_FAILED: {
    nb: 'Noen av feltene er ikke fylt ut riktig.',
    en: 'Some fields are not filled in correctly.',
  },

  INVALID_JSON: { nb: 'Forespørselen er ikke gyldig JSON.', en: 'The request is not valid JSON.' },
  NOT_FOUND: { nb: 'Fant ikke det du ba om.', en: 'What you asked for was not found.' },
  ROUTE_NOT_FOUND: { nb: 'Denne adressen finnes ikke.', en: 'This address does not exist.' },
  UNAUTHENTICATED: { nb: 'Du må logge inn.', en: 'You need to log in.' },
  INVALID_CREDENTIALS: { nb: 'Feil e-post eller passord.', en: 'Wrong email or password.' },
  FORBIDDEN: { nb: 'Du har ikke tilgang til dette.', en: 'You do not have access to this.' },
  CSRF_TOKEN_INVALID: {
    nb: 'Sikkerhetsnøkkelen mangler eller er feil. Last siden på nytt.',
    en: 'The security token is missing or wrong. Reload the page.',
  },
  CONFLICT: {
    nb: 'Dette kolliderer med noe som finnes fra før.',
    en: 'This conflicts with something that already exists.',
  },
  ORG_NUMBER_INVALID: {
    nb: 'Organisasjonsnummeret er ikke gyldig (9 siffer med riktig kontrollsiffer).',
    en: 'The organisation number is not valid (9 digits with a correct check digit).',
  },
  ORG_NUMBER_TAKEN: {
    nb: 'En bedrift med dette organisasjonsnummeret er allerede registrert.',
    en: 'A company with this organisation number is already registered.',
  },
  EMAIL_TAKEN: { nb: 'E-postadressen er allerede i bruk.', en: 'The email address is already in use.' },
  PHONE_INVALID: {
    nb: 'Skriv et gyldig mobilnummer, for eksempel 912 34 567.',
    en: 'Enter a valid mobile number, for example 912 34 567.',
  },
  PHONE_COUNTRY_NOT_ALLOWED: {
    nb: '«{field}»: vi sender bare SMS til mobilnumre i disse landene: {countries}.',
    en: '"{field}": we only send SMS to mobile numbers in these countries: {countries}.',
  },
  SMS_BUDGET_EXCEEDED: {
    nb: 'Vi sender ikke flere SMS akkurat nå. Prøv igjen om {retryAfterSeconds|sekund|sekunder}.',
    en: 'We are not sending more SMS right now. Try again in {retryAfterSeconds|second|seconds}.',
  },
  DATE_INVALID: { nb: 'Datoen er ikke gyldig (ÅÅÅÅ-MM-DD).', en: 'The date is not valid (YYYY-MM-DD).' },
  MONTH_INVALID: { nb: 'Måneden er ikke gyldig (ÅÅÅÅ-MM).', en: 'The month is not valid (YYYY-MM).' },
  ZONE_UNKNOWN: {
    nb: 'En eller flere soner finnes ikke eller tilbys ikke.',
    en: 'One or more zones do not exist or are not offered.',
  },
  ZONES_REQUIRED: { nb: 'Velg minst én sone.', en: 'Choose at least one zone.' },
  CATEGORY_UNKNOWN: {
    nb: 'Den reisendekategorien finnes ikke eller tilbys ikke.',
    en: 'That traveller category does not exist or is not offered.',
  },
  PRICE_MISSING: {
    nb: 'Det finnes ingen pris for dette billettvalget.',
    en: 'There is no price for this ticket choice.',
  },
  SUBSIDY_INVALID: {
    nb: 'Tilskuddet må være en prosent mellom 0 og 100 eller et beløp på 0 eller mer.',
    en: 'The subsidy must be a percentage between 0 and 100 or an amount of 0 or more.',
  },
  INVITATION_INVALID: {
    nb: 'Lenken er ugyldig, brukt eller utløpt. Be om en ny.',
    en: 'The link is invalid, used or expired. Ask for a new one.',
  },
  PASSWORD_TOO_SHORT: {
    nb: 'Passordet må ha minst 12 tegn.',
    en: 'The password must have at least 12 characters.',
  },
  PASSWORD_TOO_LONG: {
    nb: 'Passordet kan ha høyst 128 tegn.',
    en: 'The password can have at most 128 characters.',
  },
  PASSWORD_TOO_WEAK: {
    nb: 'Passordet er for lett å gjette.',
    en: 'The password is too easy to guess.',
  },
  SECOND_FACTOR_INVALID: {
    nb: 'Koden er feil eller brukt. Prøv igjen.',
    en: 'The code is wrong or already used. Try again.',
  },
  SECOND_FACTOR_ALREADY_ENABLED: {
    nb: 'Du har allerede en kodeapp som andre steg.',
    en: 'You already have an authenticator app as a second step.',
  },
  SECOND_FACTOR_NOT_STARTED: {
    nb: 'Start oppsettet av kodeappen på nytt.',
    en: 'Start setting up the authenticator app again.',
  },
  PASSKEY_INVALID: {
    nb: 'Passnøkkelen kunne ikke brukes. Prøv igjen.',
    en: 'The passkey could not be used. Try again.',
  },
  PASSWORD_WRONG: {
    nb: 'Det nåværende passordet er feil.',
    en: 'The current password is wrong.',
  },
  TOO_MANY_REQUESTS: {
    nb: 'For mange forsøk. Prøv igjen om {retryAfterSeconds|sekund|sekunder}.',
    en: 'Too many attempts. Try again in {retryAfterSeconds|second|seconds}.',
  },
  OTP_INVALID: { nb: 'Koden er feil. Prøv igjen.', en: 'The code is wrong. Try again.' },
  OTP_EXPIRED: {
    nb: 'Koden er utløpt eller brukt. Be om en ny kode.',
    en: 'The code has expired or been used. Ask for a new code.',
  },
  OTP_LOCKED: {
    nb: 'For mange feil forsøk med denne koden. Be om en ny kode.',
    en: 'Too many wrong attempts with this code. Ask for a new code.',
  },
  ORDER_LINK_INVALID: {
    nb: 'Bestillingslenken er ugyldig eller ikke lenger i bruk. Be arbeidsgiveren din om en ny lenke.',
    en: 'The order link is invalid or no longer in use. Ask your employer for a new link.',
  },
  ORDER_LINK_UNREADABLE: {
    nb: 'Bestillingslenken kan ikke vises etter at serverhemmeligheten ble byttet. Lag en ny lenke.',
    en: 'The order link cannot be shown since the server secret was changed. Make a new link.',
  },
  CONSENT_AMOUNT_CHANGED: {
    nb: 'Trekket er endret siden du åpnet siden: det er nå {deductionNb} i måneden. Se det nye beløpet og godkjenn på nytt.',
    en: 'The deduction has changed since you opened the page: it is now {deductionEn} a month. Look at the new amount and confirm again.',
  },
  CONSENT_LINK_INVALID: {
    nb: 'Samtykkelenken er ugyldig. Bruk lenken i SMS-en du fikk, eller spør arbeidsgiveren din.',
    en: 'The consent link is invalid. Use the link in the SMS you got, or ask your employer.',
  },
  CONSENT_COMPANY_INACTIVE: {
    nb: 'Arbeidsgiveren din har ikke lenger bedriftsbillett, så det er ikke noe trekk å godkjenne. Spørsmål kan du stille til arbeidsgiveren din.',
    en: 'Your employer no longer offers the company ticket, so there is no deduction to agree to. Questions go to your employer.',
  },
  COMPANY_DEACTIVATED: {
    nb: 'Bedriften er deaktivert. Du kan se opplysningene, men ikke endre noe. Kontakt operatøren.',
    en: 'The company is deactivated. You can view its information but change nothing. Contact the operator.',
  },
  SELF_SERVICE_DISABLED: {
    nb: 'Arbeidsgiveren din tar ikke imot bestillinger her nå. Kontakt administratoren.',
    en: 'Your employer does not take orders here at the moment. Contact the administrator.',
  },
  CONSENT_REQUIRED: {
    nb: 'Du må samtykke til trekk i lønn for å bestille.',
    en: 'You must consent to the payroll deduction to order.',
  },
  SUBSCRIPTION_EXISTS: {
    nb: 'Det finnes allerede et aktivt eller ventende abonnement for denne ansatte.',
    en: 'There is already an active or pending subscription for this employee.',
  },
  IMPORT_ROW_REPEATED: {
    nb: 'Mobilnummeret står også på rad {line} i filen. Hver ansatt kan stå på én rad.',
    en: 'The mobile number is also on row {line} of the file. Each employee can be on one row.',
  },
  SUBSCRIPTION_STATE: {
    nb: 'Abonnementet er ikke i en tilstand som tillater dette.',
    en: 'The subscription is not in a state that allows this.',
  },
  START_DATE_INVALID: {
    nb: 'Startdatoen kan ikke være tilbake i tid.',
    en: 'The start date cannot be in the past.',
  },
  END_DATE_INVALID: {
    nb: 'Sluttdatoen (endDate) må være en gyldig dato fra og med i dag.',
    en: 'The end date (endDate) must be a valid date from today on.',
  },
  LAST_ADMIN: {
    nb: 'Bedriften må ha minst én administrator.',
    en: 'The company must have at least one administrator.',
  },
  BILLING_MONTH_OPEN: {
    nb: 'Måneden er ikke avsluttet ennå og kan ikke faktureres.',
    en: 'The month has not ended yet and cannot be invoiced.',
  },
  INVOICE_NOT_CREDITABLE: {
    nb: 'En kreditnota kan ikke krediteres. Krediter fakturaen den gjelder.',
    en: 'A credit note cannot be credited. Credit the invoice it refers to.',
  },
  IMPORT_INVALID: {
    nb: 'Filen har feil. Ingenting er importert.',
    en: 'The file has errors. Nothing was imported.',
  },
  FILE_UNREADABLE: {
    nb: 'Filen kan ikke leses som tekst. Lagre den som CSV (UTF-8) og prøv igjen. Ingenting er importert.',
    en: 'The file cannot be read as text. Save it as CSV (UTF-8) and try again. Nothing was imported.',
  },
  ZONE_IN_USE: {
    nb: 'Sonen er i bruk og kan ikke slettes. Deaktiver den i stedet.',
    en: 'The zone is in use and cannot be deleted. Deactivate it instead.',
  },
  DEPARTMENT_TAKEN: {
    nb: 'En annen avdeling har allerede dette navnet eller denne koststeden.',
    en: 'Another department already has this name or this cost centre.',
  },
  DEPARTMENT_IN_USE: {
    nb: 'Avdelingen har abonnement og kan ikke slettes. Flytt dem til en annen avdeling først.',
    en: 'The department has subscriptions and cannot be deleted. Move them to another department first.',
  },
  DEPARTMENT_UNKNOWN: {
    nb: 'Avdelingen finnes ikke. Velg en av bedriftens avdelinger.',
    en: 'The department does not exist. Choose one of the company’s departments.',
  },
  PRICE_VERSION_NOT_AHEAD: {
    nb: 'En ny prisversjon må gjelde fra den 1. i en kommende måned.',
    en: 'A new price version must be valid from the 1st of a coming month.',
  },
  PRICE_VERSION_IN_FORCE: {
    nb: 'Priser som allerede gjelder eller har gjeldt, kan ikke endres. Legg inn en ny prisversjon.',
    en: 'Prices that are or have been in force cannot be changed. Enter a new price version.',
  },
  LAST_OPERATOR_ADMIN: {
    nb: 'Det må alltid være minst én administrator hos kollektivselskapet.',
    en: 'There must always be at least one operator administrator.',
  },
  TICKET_NOT_FOUND: {
    nb: 'Fant ingen billett for denne lenken. Bestillingen kan være avbestilt, avvist eller ikke godkjent ennå.',
    en: 'No ticket was found for this link. The order may be cancelled, rejected or not approved yet.',
  },
  TICKET_NUMBER_INVALID: {
    nb: 'Billettnummeret er ikke gyldig: det har 9 tegn, og det siste er et kontrolltegn.',
    en: 'The ticket number is not valid: it has 9 characters, the last one a check character.',
  },
  TICKET_NUMBER_NOT_FOUND: {
    nb: 'Fant ingen billett med dette nummeret.',
    en: 'No ticket has this number.',
  },
  TICKET_ON_OTHER_DEVICE: {
    nb: 'Billetten er aktivert på en annen enhet. Du kan flytte den hit med en kode på SMS til telefonen billetten gjelder.',
    en: "The ticket is activated on another device. You can move it here with a code sent by SMS to the ticket holder's phone.",
  },
  TICKET_NOT_ACTIVATED: {
    nb: 'Billetten er ikke aktivert på noen enhet ennå. Aktiver den i stedet for å flytte den.',
    en: 'The ticket is not activated on any device yet. Activate it instead of moving it.',
  },
  DPOP_PROOF_INVALID: {
    nb: 'Enheten kunne ikke bevise at den holder billettnøkkelen (DPoP-beviset mangler, er ugyldig eller er brukt før). Last inn siden på nytt.',
    en: 'The device could not prove that it holds the ticket key (the DPoP proof is missing, invalid or used before). Reload the page.',
  },
  TICKET_MOVE_LIMIT: {
    nb: 'Billetten er flyttet så mange ganger som er lov denne måneden. Prøv igjen neste måned, eller kontakt arbeidsgiveren din.',
    en: 'The ticket has been moved as many times as allowed this month. Try again next month, or contact your employer.',
  },
  MOVE_CODE_INVALID: { nb: 'Koden er feil. Prøv igjen.', en: 'The code is wrong. Try again.' },
  MOVE_CODE_EXPIRED: {
    nb: 'Koden er utløpt eller brukt opp. Be om en ny kode.',
    en: 'The code has expired or has been used up. Ask for a new code.',
  },
  PAYLOAD_TOO_LARGE: { nb: 'Forespørselen er for stor.', en: 'The request is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { nb: 'Innholdstypen støttes ikke.', en: 'The content type is not supported.' },
  SERVICE_UNAVAILABLE: {
    nb: 'Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt.',
    en: 'The service is temporarily unavailable. Try again shortly.',
  },
  INTERNAL: {
    nb: 'Noe gikk galt hos oss. Prøv igjen om litt.',
    en: 'Something went wrong on our side. Try again shortly.',
  },
};

/**
 * What is wrong with one field of a request (`details[].problem` of a VALIDATION_FAILED), in
 * bokmål and English. `{field}` is the field's name; `{max}`, `{min}`, `{keys}` come from the issue.
 */
export const fieldProblemMessages: Record<string, Record<Lang, string>> = {
  unpaired_surrogate: {
    nb: '{field} inneholder et ødelagt tegn.',
    en: '{field} contains a broken character.',
  },
  control_character: {
    nb: '{field} inneholder et kontrolltegn som ikke er tillatt.',
    en: '{field} contains a control character that is not allowed.',
  },
  line_break: { nb: '{field} kan ikke ha linjeskift.', en: '{field} cannot contain line breaks.' },
  replacement_character: {
    nb: '{field} inneholder tegnet \uFFFD: teksten er lest med feil tegnsett.',
    en: '{field} contains the character \uFFFD: the text was read with the wrong encoding.',
  },
  bidi_control: {
    nb: '{field} inneholder usynlige skriveretningstegn som ikke er tillatt.',
    en: '{field} contains invisible text-direction characters that are not allowed.',
  },
  invisible_only: {
    nb: '{field} har bare usynlige tegn: skriv synlig tekst.',
    en: '{field} holds only invisible characters: write visible text.',
  },
  required: { nb: '{field} må fylles ut.', en: '{field} is required.' },
  too_short: { nb: '{field} må ha minst {min} tegn.', en: '{field} must have at least {min} characters.' },
  too_long: { nb: '{field} kan ha høyst {max} tegn.', en: '{field} can have at most {max} characters.' },
  name_characters: {
    nb: '{field} kan bare ha bokstaver, mellomrom, bindestrek, apostrof og punktum.',
    en: '{field} may only contain letters, spaces, hyphens, apostrophes and periods.',
  },
  email_invalid: {
    nb: '{field} er ikke en gyldig e-postadresse.',
    en: '{field} is not a valid email address.',
  },
  pattern: { nb: '{field} har feil format.', en: '{field} has the wrong format.' },
  date_invalid: {
    nb: '{field} er ikke en gyldig dato (ÅÅÅÅ-MM-DD).',
    en: '{field} is not a valid date (YYYY-MM-DD).',
  },
  month_invalid: {
    nb: '{field} er ikke en gyldig måned (ÅÅÅÅ-MM).',
    en: '{field} is not a valid month (YYYY-MM).',
  },
  year_out_of_range: {
    nb: '{field} må ligge i årene {min}–{max}.',
    en: '{field} must be in the years {min}–{max}.',
  },
  one_file: {
    nb: '{field}: legg ved nøyaktig én fil (csvBase64, csv eller xlsxBase64).',
    en: '{field}: attach exactly one file (csvBase64, csv or xlsxBase64).',
  },
  invisible_character: {
    nb: '{field} har et usynlig tegn (for eksempel et nullbredde-mellomrom). Skriv teksten inn på nytt.',
    en: '{field} contains an invisible character (such as a zero-width space). Type the text again.',
  },
  empty_patch: {
    nb: '{field} endrer ingenting: oppgi minst ett felt.',
    en: '{field} changes nothing: give at least one field.',
  },
  number_invalid: { nb: '{field} må være et tall.', en: '{field} must be a number.' },
  wrong_type: { nb: '{field} har feil type.', en: '{field} has the wrong type.' },
  too_big: {
    nb: '{field} er for stor eller for lang (høyst {max}).',
    en: '{field} is too large or too long (at most {max}).',
  },
  too_small: {
    nb: '{field} er for liten eller for kort (minst {min}).',
    en: '{field} is too small or too short (at least {min}).',
  },
  only_with_date: {
    nb: '{field} gjelder bare når avslutningen er på en dato (effective "date").',
    en: '{field} only applies when the end is on a date (effective "date").',
  },
  not_allowed: {
    nb: '{field} har en verdi som ikke er tillatt.',
    en: '{field} has a value that is not allowed.',
  },
  unknown_keys: { nb: '{field} har ukjente felt: {keys}.', en: '{field} has unknown fields: {keys}.' },
  invalid: { nb: '{field} er ikke gyldig.', en: '{field} is not valid.' },
  ticket_number_invalid: {
    nb: '{field} er ikke et billettnummer: det har 9 tegn, tall og bokstaver, og det siste er et kontrolltegn.',
    en: '{field} is not a ticket number: it has 9 characters, digits and letters, the last one a check character.',
  },
  ticket_number_check: {
    nb: '{field} har feil kontrolltegn (det siste tegnet): et tegn er skrevet feil. Sjekk nummeret på billetten.',
    en: '{field} has the wrong check character (the last one): a character is mistyped. Check the number on the ticket.',
  },
  password_too_weak: {
    nb: '{field} er for lett å gjette. {passwordFeedback}',
    en: '{field} is too easy to guess. {passwordFeedback}',
  },
  second_factor_invalid: {
    nb: '{field}: koden er feil eller allerede brukt.',
    en: '{field}: the code is wrong or already used.',
  },
  passkey_invalid: {
    nb: 'Passnøkkelen kunne ikke godkjennes. Prøv igjen.',
    en: 'The passkey could not be verified. Try again.',
  },
  taken: {
    nb: '{field} er allerede brukt av en annen avdeling.',
    en: '{field} is already used by another department.',
  },
  unknown: {
    nb: '{field} er ikke en av bedriftens avdelinger.',
    en: '{field} is not one of the company’s departments.',
  },
  origin_invalid: {
    nb: '{field} må være en nettadresse uten sti, for eksempel https://www.bedrift.no.',
    en: '{field} must be a web address without a path, for example https://www.bedrift.no.',
  },
};

/** The message of a VALIDATION_FAILED with problems in several fields. */
export const severalFieldsMessage: Record<Lang, string> = {
  nb: 'Noen av feltene er ikke fylt ut riktig: {fields}.',
  en: 'Some fields are not filled in correctly: {fields}.',
};

/** How a field is named in a message: «orderForm.intro» / "orderForm.intro"; the whole body is "the request". */
export function fieldLabel(field: string, lang: Lang): string {
  if (!field) return lang === 'nb' ? 'Forespørselen' : 'The request';
  return lang === 'nb' ? `«${field}»` : `"${field}"`;
}

/** The message for one field's problem; an unknown problem reads as "{field} is not valid". */
export function translateFieldProblem(
  problem: string,
  field: string,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  const texts = fieldProblemMessages[problem] ?? fieldProblemMessages.invalid;
  let text = texts?.[lang] ?? '';
  const localised =
    typeof params.passwordFeedback === 'string'
      ? { passwordFeedback: passwordFeedbackText(decodePasswordFeedback(params.passwordFeedback), lang) }
      : {};
  for (const [key, value] of Object.entries({ ...params, ...localised, field: fieldLabel(field, lang) }))
    text = text.replaceAll(`{${key}}`, String(value));
  return text;
}

/** The product's languages as Accept-Language tags: Norwegian in its three usual tags, English. */
const OFFERED = ['nb', 'no', 'nn', 'en'];

/**
 * The answer's language from an `Accept-Language` header (RFC 9110 §12.5.4, weighted with q;
 * `q=0` means "not this one"), negotiated by `negotiator`: English when the caller prefers it to
 * Norwegian, bokmål otherwise (Norwegian tags, no header, or no language we have).
 */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'nb';
  const best = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language(OFFERED);
  return best === 'en' ? 'en' : 'nb';
}

/**
 * The message of `code` in `lang` with its `{name}` placeholders filled in. A placeholder written
 * `{name|one|other}` is the number followed by the word in its plural form for the language
 * (Intl.PluralRules): "1 sekund", "2 sekunder", "1 second", "2 seconds".
 */
export function translateError(
  code: ErrorCode,
  lang: Lang,
  params?: Record<string, string | number>,
): string {
  let text = errorMessages[code][lang];
  const plural = new Intl.PluralRules(lang === 'nb' ? 'nb-NO' : 'en-GB');
  for (const [key, value] of Object.entries(params ?? {})) {
    text = text.replace(
      new RegExp(`\\{${key}\\|([^|}]*)\\|([^}]*)\\}`, 'g'),
      (_, one: string, other: string) =>
        `${value} ${typeof value === 'number' && plural.select(value) === 'one' ? one : other}`,
    );
    text = text.replaceAll(`{${key}}`, String(value));
  }
  return text;
}
