import { encodeForm, encodeJson, type ObjectEncoder } from './serialize.js';

const FORM = /^\s*application\/x-www-form-urlencoded\s*(;|$)/i;

/**
 * Object bodies as WeChat writes them: a form (`key=value&…`) for
 * application/x-www-form-urlencoded, JSON for any other content-type (JSON types or not: our choice).
 * (`test(undefined)` tests the string 'undefined': no content-type is JSON.)
 */
export const encodeObjectBody: ObjectEncoder = (data, contentType) => (FORM.test(contentType!) ? encodeForm : encodeJson)(data, contentType);
