import { showProblem } from './alerts.js';
import { getJson, transactionsPath } from './api.js';
import { coalesce, fill, h } from './dom.js';
import { duration, percent, perSecond, shortId, stateBadge, ticking, time } from './format.js';
import { branchList, ownerText, waitingNote } from './transaction.js';

const PROTOCOLS = ['2PC', '3PC'];
const STATES = [
    ['IN_FLIGHT', 'all in flight'],
    ['IN_DOUBT', 'in doubt / blocked'],
    ['PREPARING', 'PREPARING'],
    ['PRE_COMMITTING', 'PRE_COMMITTING'],
    ['COMMITTING', 'COMMITTING'],
    ['ABORTING', 'ABORTING'],
];
const KNOWN_PARTICIPANTS = ['order', 'inventory', 'payment'];
const RECENTLY_FINISHED = 20;
const IN_FLIGHT_SHOWN = 100;

/**
 * #/ : the live figures of the last minute, the filters, the transactions in flight (in doubt ones highlighted)
 * and the recently finished ones. The filters live in the address (#/?protocol=3PC&state=IN_DOUBT), so a
 * filtered view can be bookmarked and survives a reload; changing them does not rebuild the page, so the focus
 * stays where the operator is typing.
 */
export function listView(main, params) {
    const filters = {
        protocol: params.get('protocol') ?? '',
        state: params.get('state') ?? 'IN_FLIGHT',
        participant: params.get('participant') ?? '',
        minAgeSeconds: params.get('minAgeSeconds') ?? '',
        q: params.get('q') ?? '',
    };
    const parts = skeleton(filters);
    fill(main, parts.root);
    document.title = 'txsuite · transactions';

    let generation = 0;
    const refresh = async () => {
        const mine = ++generation;
        const common = { protocol: filters.protocol, participant: filters.participant, q: filters.q };
        try {
            const [inFlight, finished] = await Promise.all([
                getJson(transactionsPath('', {
                    ...common, state: filters.state, minAgeSeconds: filters.minAgeSeconds, limit: IN_FLIGHT_SHOWN,
                })),
                getJson(transactionsPath('', { ...common, state: 'FINISHED', limit: RECENTLY_FINISHED })),
            ]);
            if (mine !== generation) {
                return;
            }
            parts.error.hidden = true;
            renderInFlight(parts, inFlight);
            renderFinished(parts, finished);
        } catch (error) {
            if (mine === generation) {
                showProblem(parts.error, error);
            }
        }
    };
    const refreshSoon = coalesce(refresh, 500);

    const apply = () => {
        const data = new FormData(parts.form);
        for (const name of Object.keys(filters)) {
            filters[name] = String(data.get(name) ?? '').trim();
        }
        const query = new URLSearchParams(Object.entries(filters).filter(([name, value]) =>
            value !== '' && !(name === 'state' && value === 'IN_FLIGHT')));
        const hash = query.toString() ? `#/?${query}` : '#/';
        // replaceState changes the address without a hashchange: the view stays, and so does the focus
        history.replaceState(null, '', hash);
        refreshSoon.cancel();
        refresh();
    };
    const applySoon = debounce(apply, 400);
    parts.form.addEventListener('submit', event => {
        event.preventDefault();
        apply();
    });
    parts.form.addEventListener('change', apply);
    parts.form.addEventListener('input', event => {
        if (event.target.matches('input')) {
            applySoon();
        }
    });
    parts.clear.addEventListener('click', () => {
        for (const control of parts.form.elements) {
            if (control.name) {
                control.value = control.name === 'state' ? 'IN_FLIGHT' : '';
            }
        }
        apply();
    });

    getJson(transactionsPath('/stats')).then(stats => renderStats(parts, stats), () => {});

    return {
        refresh,
        onTx: () => refreshSoon(),
        onStats: stats => renderStats(parts, stats),
        dispose: () => {
            generation++;
            refreshSoon.cancel();
        },
    };
}

function skeleton(filters) {
    const field = (label, control) => h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
    const clear = h('button', { type: 'button', class: 'quiet' }, 'Clear');
    const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter transactions' },
        field('Protocol', h('select', { id: 'filter-protocol', name: 'protocol', 'data-testid': 'filter-protocol' },
            h('option', { value: '' }, 'any'),
            PROTOCOLS.map(protocol => h('option', { value: protocol, selected: filters.protocol === protocol }, protocol)))),
        field('State', h('select', { id: 'filter-state', name: 'state', 'data-testid': 'filter-state' },
            STATES.map(([value, label]) => h('option', { value, selected: filters.state === value }, label)))),
        field('Participant', h('input', {
            id: 'filter-participant', name: 'participant', list: 'participants', value: filters.participant,
            autocomplete: 'off', spellcheck: 'false', size: 10, 'data-testid': 'filter-participant',
        })),
        h('datalist', { id: 'participants' }, KNOWN_PARTICIPANTS.map(name => h('option', { value: name }))),
        field('Older than (s)', h('input', {
            id: 'filter-age', name: 'minAgeSeconds', type: 'number', min: 0, step: 1, inputmode: 'numeric',
            value: filters.minAgeSeconds, size: 6, 'data-testid': 'filter-age',
        })),
        field('Transaction or order id', h('input', {
            id: 'search', name: 'q', type: 'search', value: filters.q, autocomplete: 'off', spellcheck: 'false',
            placeholder: 'id, or its first 8 characters', 'data-testid': 'search',
        })),
        h('div', { class: 'field buttons' },
            h('button', { type: 'submit' }, 'Apply'),
            clear));

    const statsBody = h('tbody');
    const inFlightCount = h('strong', { 'data-testid': 'stat-in-flight' }, '–');
    const inDoubtCount = h('strong', { 'data-testid': 'stat-in-doubt' }, '–');
    const stats = h('section', { class: 'stats', 'aria-labelledby': 'stats-title' },
        h('h2', { id: 'stats-title' }, 'Last minute'),
        h('p', { class: 'counts' }, 'In flight ', inFlightCount, ' · in doubt ', inDoubtCount),
        h('table', { 'data-testid': 'stats' },
            h('thead', {}, h('tr', {}, ['Protocol', 'Completed', 'Per s', 'Committed', 'Aborted', 'p50', 'p99']
                .map(title => h('th', { scope: 'col' }, title)))),
            statsBody));

    const error = h('div', { class: 'alert', role: 'alert', 'data-testid': 'list-error', hidden: true });
    const inFlightBody = h('tbody', { 'data-testid': 'in-flight-rows' });
    const inFlightTitle = h('h2', { id: 'in-flight-title' }, 'In flight');
    const inFlightEmpty = h('p', { class: 'empty', hidden: true }, 'Nothing in flight.');
    const finishedBody = h('tbody', { 'data-testid': 'finished-rows' });
    const finishedEmpty = h('p', { class: 'empty', hidden: true }, 'Nothing finished yet.');

    const root = h('div', { class: 'list' },
        h('div', { class: 'overview' },
            h('div', {}, h('h1', { tabindex: -1 }, 'Transactions'), form),
            stats),
        error,
        h('section', { 'aria-labelledby': 'in-flight-title' },
            inFlightTitle,
            h('table', { class: 'transactions', 'data-testid': 'in-flight' },
                h('thead', {}, h('tr', {}, ['Transaction', 'Order', 'Protocol', 'Phase', 'Age', 'Owner',
                    'Participants', 'Waiting for'].map(title => h('th', { scope: 'col' }, title)))),
                inFlightBody),
            inFlightEmpty),
        h('section', { 'aria-labelledby': 'finished-title' },
            h('h2', { id: 'finished-title' }, 'Recently finished'),
            h('table', { class: 'transactions', 'data-testid': 'finished' },
                h('thead', {}, h('tr', {}, ['Transaction', 'Order', 'Protocol', 'Outcome', 'Reason', 'Took',
                    'Ended', 'Participants'].map(title => h('th', { scope: 'col' }, title)))),
                finishedBody),
            finishedEmpty));

    return { root, form, clear, statsBody, inFlightCount, inDoubtCount, error, inFlightBody, inFlightTitle, inFlightEmpty,
        finishedBody, finishedEmpty };
}

function txLink(tx) {
    return h('a', { href: `#/tx/${encodeURIComponent(tx.txId)}`, title: tx.txId, 'aria-label': `transaction ${tx.txId}`,
        class: 'id', 'data-testid': 'tx-link' }, shortId(tx.txId));
}

function orderCell(tx) {
    return h('td', { class: 'id', title: tx.orderId ?? null }, tx.orderId ? shortId(tx.orderId) : '–');
}

function renderInFlight(parts, transactions) {
    const inDoubt = transactions.filter(tx => tx.inDoubt).length;
    parts.inFlightTitle.textContent = `In flight (${transactions.length}${transactions.length === IN_FLIGHT_SHOWN ? '+' : ''})`
        + (inDoubt ? `, ${inDoubt} in doubt` : '');
    parts.inFlightEmpty.hidden = transactions.length > 0;
    fill(parts.inFlightBody, transactions.map(inFlightRow));
}

function inFlightRow(tx) {
    return h('tr', {
        'data-testid': `tx-row-${tx.txId}`,
        class: [tx.inDoubt ? 'in-doubt' : '', tx.conflict ? 'conflict' : ''].join(' ').trim() || null,
    },
    h('td', {}, txLink(tx)),
    orderCell(tx),
    h('td', {}, tx.protocol),
    h('td', {}, stateBadge(tx.state, { 'data-testid': 'row-state' })),
    h('td', { class: 'number' }, ticking(tx.ageMillis)),
    h('td', {}, ownerText(tx)),
    h('td', {}, branchList(tx)),
    h('td', {}, waitingNote(tx)));
}

function renderFinished(parts, transactions) {
    parts.finishedEmpty.hidden = transactions.length > 0;
    fill(parts.finishedBody, transactions.map(finishedRow));
}

function finishedRow(tx) {
    return h('tr', { 'data-testid': `tx-row-${tx.txId}`, class: tx.conflict ? 'conflict' : null },
    h('td', {}, txLink(tx)),
    orderCell(tx),
    h('td', {}, tx.protocol),
    h('td', {}, stateBadge(tx.state, { 'data-testid': 'row-state' }),
        tx.conflict ? h('span', { class: 'badge conflict' }, 'conflict') : null,
        tx.resolution ? h('span', { class: 'badge resolved', title: tx.resolution.note }, 'resolved') : null),
    h('td', {}, tx.reason ?? ''),
    h('td', { class: 'number' }, duration(tx.durationMillis)),
    h('td', {}, time(tx.endedAt)),
    h('td', {}, branchList(tx)));
}

function renderStats(parts, stats) {
    if (!stats) {
        return;
    }
    parts.inFlightCount.textContent = stats.inFlight ?? '–';
    parts.inDoubtCount.textContent = stats.inDoubt ?? '–';
    parts.inDoubtCount.classList.toggle('warn', (stats.inDoubt ?? 0) > 0);
    const protocols = stats.protocols ?? {};
    const names = ['all', ...PROTOCOLS, ...Object.keys(protocols).filter(name => name !== 'all' && !PROTOCOLS.includes(name))];
    fill(parts.statsBody, names.filter(name => protocols[name]).map(name => {
        const figures = protocols[name];
        return h('tr', { 'data-testid': `stats-${name}` },
            h('th', { scope: 'row' }, name),
            h('td', { class: 'number' }, figures.completed ?? 0),
            h('td', { class: 'number' }, perSecond(figures.throughputPerSecond)),
            h('td', { class: 'number' }, percent(figures.commitRatio)),
            h('td', { class: 'number' }, percent(figures.abortRatio)),
            h('td', { class: 'number' }, duration(figures.p50Millis)),
            h('td', { class: 'number' }, duration(figures.p99Millis)));
    }));
}

function debounce(fn, wait) {
    let timer = null;
    return () => {
        clearTimeout(timer);
        timer = setTimeout(fn, wait);
    };
}
