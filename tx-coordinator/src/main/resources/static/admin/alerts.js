import { Problem } from './api.js';
import { fill, h } from './dom.js';

/**
 * Shows a failed call in an alert region (role=alert, so a screen reader says it at once): the problem's detail
 * in the server's words, after a lead such as "Abort refused", and its stable reason code when it has one.
 */
export function showProblem(region, error, lead = null) {
    const problem = error instanceof Problem ? error.problem : { detail: String(error) };
    const heading = lead ?? problem.title;
    fill(region, [
        heading ? h('strong', {}, `${heading}: `) : null,
        problem.detail ?? problem.title ?? 'no reason given',
        problem.reason ? h('span', { class: 'code' }, ` (${problem.reason})`) : null]);
    region.hidden = false;
    region.scrollIntoView({ block: 'nearest' });
}
