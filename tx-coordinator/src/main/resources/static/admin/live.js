import { getJson } from './api.js';

const STREAM = '/api/transactions/stream';
const RECONNECT_AFTER_MILLIS = 2000;

/**
 * Follows the coordinator's event stream. The browser reconnects an EventSource by itself after a network error
 * (the stream asks for 2 s); after an error answer (the session ended, the gateway's breaker is open) it gives
 * up, so then this reconnects, after checking the session with an ordinary call that leads to the login page on
 * a 401. Every (re)open calls onOpen, so that what happened while disconnected is fetched again.
 */
export function followStream({ onOpen, onTx, onStats, onState }) {
    let source = null;
    let timer = null;

    const open = () => {
        source = new EventSource(STREAM);
        source.addEventListener('open', () => {
            onState('live');
            onOpen();
        });
        source.addEventListener('tx', event => onTx(JSON.parse(event.data)));
        source.addEventListener('stats', event => onStats(JSON.parse(event.data)));
        source.addEventListener('error', () => {
            onState('reconnecting');
            if (source.readyState === EventSource.CLOSED) {
                source.close();
                clearTimeout(timer);
                timer = setTimeout(reopen, RECONNECT_AFTER_MILLIS);
            }
        });
    };

    const reopen = async () => {
        try {
            await getJson('/api/transactions/stats');
        } catch {
            // unreachable or refused: the stream will say so again, and this tries again after it
        }
        open();
    };

    open();
}
