import { ACTIONS, confirmAction, sendAction } from './actions.js';
import { showProblem } from './alerts.js';
import { getJson, Problem, transactionsPath } from './api.js';
import { coalesce, fill, h } from './dom.js';
import { duration, stateBadge, ticking, time } from './format.js';
import { branchStatus, ownerText, waitingNote } from './transaction.js';

/** Timeline entries worth the operator's eye: the decision, failed deliveries, takeovers, conflicts, operators. */
const NOTABLE = new Set(['decided', 'delivery-failed', 'taken-over', 'branch-conflict', 'operator-action']);

/**
 * #/tx/<id> : one transaction, its participants, the operator's actions and its timeline (each message, vote,
 * decision, acknowledgement and retry with its time). Re-fetched when the stream says the transaction changed.
 */
export function detailView(main, txId, backHash = '#/') {
    const parts = skeleton(txId, backHash);
    fill(main, parts.root);
    document.title = `txsuite · transaction ${txId}`;

    let generation = 0;
    const refresh = async () => {
        const mine = ++generation;
        try {
            const tx = await getJson(transactionsPath(`/${encodeURIComponent(txId)}`));
            if (mine === generation) {
                parts.loadError.hidden = true;
                render(parts, tx);
            }
        } catch (error) {
            if (mine === generation) {
                showProblem(parts.loadError, error);
            }
        }
    };
    const refreshSoon = coalesce(refresh, 300);

    const act = async action => {
        if (parts.buttons[action].getAttribute('aria-disabled') === 'true') {
            return;
        }
        const note = await confirmAction(action, txId);
        parts.buttons[action].focus();
        if (note === null) {
            return;
        }
        setBusy(parts, true);
        parts.actionError.hidden = true;
        parts.actionResult.textContent = '';
        try {
            await sendAction(action, txId, note);
            parts.actionResult.textContent = `${ACTIONS[action].label}: accepted.`;
        } catch (error) {
            const refused = error instanceof Problem && error.status === 409;
            showProblem(parts.actionError, error, `${ACTIONS[action].label} ${refused ? 'refused' : 'failed'}`);
        } finally {
            setBusy(parts, false);
            refresh();
        }
    };

    for (const [action, button] of Object.entries(parts.buttons)) {
        button.addEventListener('click', () => act(action));
    }

    return {
        refresh,
        onTx: event => {
            if (event.txId === txId) {
                refreshSoon();
            }
        },
        dispose: () => {
            generation++;
            refreshSoon.cancel();
        },
    };
}

function skeleton(txId, backHash) {
    const buttons = Object.fromEntries(Object.entries(ACTIONS).map(([action, spec]) => [action,
        h('button', { type: 'button', class: action === 'abort' ? 'danger' : null, 'data-testid': `action-${action}`,
            'aria-describedby': `action-${action}-when` }, spec.label)]));
    const parts = {
        buttons,
        summary: h('dl', { class: 'summary' }),
        banner: h('div', { class: 'banner', hidden: true }),
        branches: h('tbody', { 'data-testid': 'branches' }),
        timeline: h('ol', { class: 'timeline', 'data-testid': 'timeline' }),
        loadError: h('div', { class: 'alert', role: 'alert', 'data-testid': 'load-error', hidden: true }),
        actionError: h('div', { class: 'alert', role: 'alert', 'data-testid': 'action-error', hidden: true }),
        actionResult: h('p', { class: 'result', role: 'status', 'data-testid': 'action-result' }),
        state: stateBadge('…', { 'data-testid': 'tx-state' }),
    };
    parts.root = h('div', { class: 'detail' },
        h('p', {}, h('a', { href: backHash, 'data-testid': 'back-to-list' }, '← All transactions')),
        h('h1', { tabindex: -1 }, 'Transaction ', h('span', { class: 'id' }, txId), ' ', parts.state),
        parts.loadError,
        parts.banner,
        h('div', { class: 'columns' },
            h('div', {},
                parts.summary,
                h('section', { 'aria-labelledby': 'participants-title' },
                    h('h2', { id: 'participants-title' }, 'Participants'),
                    h('table', {},
                        h('thead', {}, h('tr', {}, ['Participant', 'Vote', 'Reason', 'State', 'Pre-committed',
                            'Acknowledged'].map(title => h('th', { scope: 'col' }, title)))),
                        parts.branches)),
                h('section', { class: 'actions', 'aria-labelledby': 'actions-title' },
                    h('h2', { id: 'actions-title' }, 'Actions'),
                    h('ul', {}, Object.entries(ACTIONS).map(([action, spec]) => h('li', {},
                        buttons[action], h('span', { id: `action-${action}-when`, class: 'hint' }, spec.when)))),
                    parts.actionError,
                    parts.actionResult)),
            h('section', { class: 'timeline-section', 'aria-labelledby': 'timeline-title' },
                h('h2', { id: 'timeline-title' }, 'Timeline'),
                parts.timeline)));
    return parts;
}

function render(parts, tx) {
    parts.state.textContent = tx.state;
    parts.state.className = `badge state-${tx.state.toLowerCase()}`;
    fill(parts.summary, summary(tx));
    const waiting = waitingNote(tx, { sentence: true });
    parts.banner.hidden = !(tx.inDoubt || tx.conflict || waiting);
    parts.banner.className = `banner ${tx.conflict ? 'conflict' : tx.inDoubt ? 'in-doubt' : ''}`;
    fill(parts.banner, [
        tx.conflict ? h('p', {}, h('strong', {}, 'Atomicity violated: '),
            'some participants committed and others aborted. Repair them, then resolve with a note.') : null,
        waiting ? h('p', {}, waiting) : null]);
    fill(parts.branches, (tx.branches ?? []).map(branch => branchRow(branch, tx)));
    const timeline = tx.timeline ?? [];
    const first = timeline.length ? Date.parse(timeline[0].time) : 0;
    fill(parts.timeline, timeline.length
        ? timeline.map(entry => timelineEntry(entry, first))
        : h('li', { class: 'empty' }, 'No events recorded.'));
}

function summary(tx) {
    const ended = tx.state === 'COMMITTED' || tx.state === 'ABORTED';
    const entry = (term, ...value) => [h('dt', {}, term), h('dd', {}, value)];
    return [
        entry('Order', h('span', { class: 'id', 'data-testid': 'tx-order' }, tx.orderId ?? '–')),
        entry('Protocol', tx.protocol),
        entry('Decision', tx.decision ? `${tx.decision}${tx.reason ? ` (${tx.reason})` : ''}` : 'not decided yet'),
        entry('Started', time(tx.createdAt, { millis: true })),
        ended
            ? entry('Took', `${duration(tx.durationMillis)}, ended `, time(tx.endedAt, { millis: true }))
            : entry('Age', ticking(tx.ageMillis)),
        entry('Owner', ownerText(tx), tx.leaseExpiresAt && !ended ? [' · lease until ', time(tx.leaseExpiresAt)] : null),
        tx.resolution
            ? entry('Resolved', `by ${tx.resolution.by} at `, time(tx.resolution.at), `: ${tx.resolution.note}`)
            : null,
    ];
}

function branchRow(branch, tx) {
    return h('tr', { class: branch.conflict ? 'conflict' : null, 'data-testid': `branch-row-${branch.participant}` },
        h('th', { scope: 'row' }, branch.participant),
        h('td', {}, branch.vote ?? '–'),
        h('td', {}, branch.reason ?? ''),
        h('td', {}, branchStatus(branch, tx)),
        h('td', {}, branch.preCommitted ? 'yes' : tx.protocol === '3PC' ? 'no' : '–'),
        h('td', {}, branch.acknowledged ? 'yes' : 'no'));
}

function timelineEntry(entry, first) {
    return h('li', { class: NOTABLE.has(entry.type) ? `notable ${entry.type}` : null, 'data-testid': `timeline-${entry.type}` },
        time(entry.time, { millis: true }),
        h('span', { class: 'offset' }, `+${duration(Date.parse(entry.time) - first)}`),
        h('span', { class: 'type' }, entry.type),
        h('span', { class: 'participant' }, entry.participant ?? ''),
        h('span', { class: 'what' }, entry.detail ?? ''));
}

/** aria-disabled rather than disabled: a disabled button drops the keyboard focus to the page's body. */
function setBusy(parts, busy) {
    for (const button of Object.values(parts.buttons)) {
        button.setAttribute('aria-disabled', String(busy));
    }
}
