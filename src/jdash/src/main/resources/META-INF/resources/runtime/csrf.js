// The page's CSRF token (<meta name="jdash-csrf">, the server's HMAC of this browser's owner cookie), sent as a
// header with every request that changes something (callback POSTs, job DELETEs); the server refuses those
// without it (403). Another site can make the browser send the cookie, but cannot read this page's token.
const token = document.querySelector('meta[name="jdash-csrf"]')?.content ?? '';

export const CSRF_HEADERS = Object.freeze({ 'X-JDash-CSRF': token });
