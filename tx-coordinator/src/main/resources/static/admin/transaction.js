import { h } from './dom.js';
import { ticking } from './format.js';

/**
 * What one participant's branch is doing, in words: its vote and where phase two stands. Under presumed abort
 * ABORT goes only to those that voted YES, so a NO voter is never waited for.
 */
export function branchStatus(branch, tx) {
    if (branch.conflict) {
        return `conflict: ${branch.conflict}`;
    }
    if (tx.decision) {
        const done = tx.decision === 'COMMIT' ? 'committed' : 'aborted';
        if (branch.acknowledged) {
            return done;
        }
        if (tx.decision === 'ABORT' && branch.vote !== 'YES') {
            return branch.vote === 'NO' ? 'voted no' : 'never voted';
        }
        return tx.state === 'COMMITTED' || tx.state === 'ABORTED' ? `${done} (resolved)` : `${tx.decision} not acknowledged`;
    }
    if (branch.preCommitted) {
        return 'pre-committed';
    }
    if (branch.vote === 'YES') {
        return 'prepared';
    }
    if (branch.vote === 'NO') {
        return 'voted no';
    }
    return 'no vote yet';
}

function branchClass(branch, tx) {
    if (branch.conflict) {
        return 'branch conflict';
    }
    if (branch.vote === 'NO') {
        return 'branch no';
    }
    if (branch.acknowledged) {
        return 'branch done';
    }
    return branch.vote === 'YES' ? 'branch yes' : 'branch waiting';
}

/** Every participant with its vote and state, as one compact list for a table cell. */
export function branchList(tx) {
    return h('ul', { class: 'branches' }, (tx.branches ?? []).map(branch => h('li', {
        class: branchClass(branch, tx),
        'data-testid': `branch-${branch.participant}`,
        title: branch.reason ? `${branch.participant}: ${branch.vote} ${branch.reason}` : null,
    }, h('strong', {}, branch.participant), ' ', branch.vote ?? '–', ' · ', branchStatus(branch, tx))));
}

/**
 * For an in-doubt (blocked) transaction: for how long, and what it waits for; else only what it waits for.
 * As a whole sentence for a banner, or short for a table cell under the heading "Waiting for".
 */
export function waitingNote(tx, { sentence = false } = {}) {
    if (tx.inDoubt) {
        return h('span', { class: 'in-doubt-note', 'data-testid': 'in-doubt' },
            h('strong', {}, sentence ? 'In doubt for ' : 'in doubt '), ticking(tx.inDoubtForMillis ?? 0),
            tx.waitingFor ? [sentence ? ', waiting for ' : ': ', tx.waitingFor] : null);
    }
    if (!tx.waitingFor) {
        return null;
    }
    return sentence ? `Waiting for ${tx.waitingFor}.` : tx.waitingFor;
}

export function ownerText(tx) {
    return tx.owner ? `${tx.owner} · epoch ${tx.epoch}` : `epoch ${tx.epoch}`;
}
