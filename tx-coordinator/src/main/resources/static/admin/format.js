import { h } from './dom.js';

/** 850 ms, 12.3 s, 4 min 05 s, 2 h 07 min: short enough for a table cell, exact enough for an operator. */
export function duration(millis) {
    if (millis === null || millis === undefined) {
        return '–';
    }
    const ms = Math.max(0, Math.round(millis));
    if (ms < 1000) {
        return `${ms} ms`;
    }
    if (ms < 10_000) {
        return `${(ms / 1000).toFixed(1)} s`;
    }
    const seconds = Math.floor(ms / 1000);
    if (seconds < 60) {
        return `${seconds} s`;
    }
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) {
        return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
    }
    return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/**
 * A duration that keeps counting in the page between two fetches: app.js re-renders every element with a
 * data-since once a second. The start is taken on the browser's clock (now minus the server's count), so a skew
 * between the two clocks does not matter.
 */
export function ticking(millis, props = {}) {
    return h('span', { ...props, 'data-since': Date.now() - millis }, duration(millis));
}

export function tickAll(root = document) {
    const now = Date.now();
    for (const element of root.querySelectorAll('[data-since]')) {
        element.textContent = duration(now - Number(element.dataset.since));
    }
}

/** 14:03:07 today, with the date before it on other days; the full timestamp in the element's title. */
export function time(iso, { millis = false } = {}) {
    if (!iso) {
        return '–';
    }
    const at = new Date(iso);
    const clock = at.toLocaleTimeString('en-GB', { hour12: false }) + (millis ? `.${String(at.getMilliseconds()).padStart(3, '0')}` : '');
    const sameDay = at.toDateString() === new Date().toDateString();
    return h('time', { datetime: iso, title: iso }, sameDay ? clock : `${at.toLocaleDateString('en-GB')} ${clock}`);
}

/** The first 8 characters, as git shortens a hash: enough to tell transactions apart and to search by. */
export function shortId(id) {
    return id && id.length > 13 ? `${id.slice(0, 8)}…` : id ?? '–';
}

export function percent(ratio) {
    return ratio === null || ratio === undefined ? '–' : `${(ratio * 100).toFixed(1)} %`;
}

export function perSecond(rate) {
    return rate === null || rate === undefined ? '–' : rate.toFixed(rate < 10 ? 2 : 1);
}

/** A transaction state as a coloured label: COMMITTED green, ABORTED grey, the working states blue. */
export function stateBadge(state, props = {}) {
    return h('span', { ...props, class: `badge state-${(state ?? 'unknown').toLowerCase()}` }, state ?? '?');
}
