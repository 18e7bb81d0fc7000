import { logOut } from './api.js';
import { detailView } from './detail-view.js';
import { tickAll } from './format.js';
import { listView } from './list-view.js';
import { followStream } from './live.js';

/**
 * The dashboard: hash routes (#/ the lists, #/tx/<id> one transaction), one event stream for the whole page, and
 * the current view re-fetching what the stream says changed.
 */
const main = document.getElementById('main');
const indicator = document.querySelector('[data-testid="live-indicator"]');
const INDICATOR_TEXT = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…' };

const DETAIL = /^#\/tx\/([^?]+)/;

let view = null;
let lastStats = null;
/** The list as the operator last filtered it: where a detail page's way back leads. */
let listHash = '#/';

function show({ focus }) {
    view?.dispose();
    const detail = DETAIL.exec(location.hash);
    view = detail
        ? detailView(main, decodeURIComponent(detail[1]), listHash)
        : listView(main, new URLSearchParams(location.hash.split('?')[1] ?? ''));
    if (lastStats) {
        view.onStats?.(lastStats);
    }
    view.refresh();
    if (focus) {
        // a keyboard or screen reader user lands on the new page's heading, not on the link they left
        main.querySelector('h1')?.focus();
    }
}

function setLive(state) {
    indicator.dataset.state = state;
    indicator.textContent = INDICATOR_TEXT[state];
}

window.addEventListener('hashchange', event => {
    const left = new URL(event.oldURL).hash || '#/';
    if (!DETAIL.test(left)) {
        listHash = left;
    }
    show({ focus: true });
});
document.getElementById('logout').addEventListener('click', logOut);
setInterval(() => tickAll(main), 1000);

show({ focus: false });
followStream({
    onOpen: () => view?.refresh(),
    onTx: event => view?.onTx(event),
    onStats: stats => {
        lastStats = stats;
        view?.onStats?.(stats);
    },
    onState: setLive,
});
