/** The request-schema builders every route uses: text, dates and months, PATCH bodies. */
export { calendar } from './calendar';
export { patchBody } from './patch';
export { isCheckedString, text } from './text';
