/**
 * Every call the dashboard makes. Same-origin cookies (the gateway's login session); the X-Requested-With header
 * tells the gateway this is the dashboard, so a 401 comes without a Basic challenge and the browser never pops
 * its own login dialog; a POST carries the CSRF token the gateway put in the XSRF-TOKEN cookie (double submit).
 */

const DASHBOARD = 'txsuite-dashboard';
export const LOGIN_PAGE = '/admin/login';

/** An answer that is not a success, with the RFC 9457 problem the server sent (or one made up for it). */
export class Problem extends Error {
    constructor(status, problem) {
        super(problem.detail ?? problem.title ?? `HTTP ${status}`);
        this.status = status;
        this.problem = problem;
    }
}

export function getJson(path) {
    return call('GET', path);
}

export function postJson(path, body) {
    return call('POST', path, body);
}

/** The transactions API, with query parameters left out when empty. */
export function transactionsPath(suffix = '', query = {}) {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
        if (value !== undefined && value !== null && value !== '') {
            params.set(name, value);
        }
    }
    const search = params.toString();
    return `/api/transactions${suffix}${search ? `?${search}` : ''}`;
}

export function toLoginPage() {
    location.assign(LOGIN_PAGE);
}

/** Logs out at the gateway; wherever that leads, the login page is next. */
export async function logOut() {
    try {
        await fetch('/admin/logout', { method: 'POST', credentials: 'same-origin', headers: writeHeaders() });
    } finally {
        toLoginPage();
    }
}

async function call(method, path, body) {
    const headers = method === 'GET' ? readHeaders() : { ...writeHeaders(), 'Content-Type': 'application/json' };
    let response;
    try {
        response = await fetch(path, {
            method,
            headers,
            credentials: 'same-origin',
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    } catch (unreachable) {
        throw new Problem(0, { title: 'No answer', detail: `the server could not be reached (${unreachable.message})` });
    }
    if (response.status === 401) {
        toLoginPage();
        throw new Problem(401, { title: 'Not logged in', detail: 'your session ended: log in again' });
    }
    const text = await response.text();
    const json = parse(text);
    if (!response.ok) {
        throw new Problem(response.status, json ?? {
            title: `${response.status} ${response.statusText}`,
            detail: text.trim().slice(0, 300) || `the server answered ${response.status}`,
        });
    }
    return json;
}

function readHeaders() {
    return { Accept: 'application/json, application/problem+json', 'X-Requested-With': DASHBOARD };
}

function writeHeaders() {
    const token = cookie('XSRF-TOKEN');
    return token ? { ...readHeaders(), 'X-XSRF-TOKEN': token } : readHeaders();
}

function cookie(name) {
    const prefix = `${name}=`;
    const found = document.cookie.split(';').map(part => part.trim()).find(part => part.startsWith(prefix));
    return found === undefined ? null : decodeURIComponent(found.slice(prefix.length));
}

function parse(text) {
    if (!text) {
        return null;
    }
    try {
        return JSON.parse(text);
    } catch {
        return null;
    }
}
