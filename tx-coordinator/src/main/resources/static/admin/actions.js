import { postJson, transactionsPath } from './api.js';
import { shortId } from './format.js';

/** What each operator action does, as the confirmation dialog explains it before anything is sent. */
export const ACTIONS = {
    abort: {
        label: 'Abort',
        confirm: 'Abort transaction',
        when: 'Before any decision and before PRE-COMMIT: releases the stock and the money a participant holds.',
        explain: 'The coordinator takes the transaction over, logs ABORT (reason OPERATOR_ABORT) and tells every '
            + 'participant to roll back. This cannot be undone.',
        noteRequired: false,
    },
    retry: {
        label: 'Retry phase two',
        confirm: 'Send the decision again',
        when: 'Decided but not every participant acknowledged: sends the decision again now.',
        explain: 'The coordinator sends its logged decision again, now, to every participant that has not '
            + 'acknowledged it (taking the transaction over if its owner is gone).',
        noteRequired: false,
    },
    resolve: {
        label: 'Resolve with note',
        confirm: 'Mark resolved',
        when: 'A participant that cannot finish, or a 3PC split: you dealt with it by hand. Needs a note.',
        explain: 'The coordinator stops retrying and ends the transaction with its decision; your note and name '
            + 'are kept with it. Only do this once the participants are consistent again.',
        noteRequired: true,
    },
};

const dialog = () => document.getElementById('confirm');

/**
 * Asks the operator in the page's modal dialog (focus stays in it, Escape cancels). Resolves to the note
 * entered, '' for none, or null when the operator cancelled.
 */
export function confirmAction(action, txId) {
    const spec = ACTIONS[action];
    const modal = dialog();
    const note = modal.querySelector('#confirm-note');
    modal.querySelector('#confirm-title').textContent = `${spec.label}: transaction ${shortId(txId)}?`;
    modal.querySelector('#confirm-explanation').textContent = spec.explain;
    modal.querySelector('#confirm-note-hint').textContent = spec.noteRequired ? '(required)' : '(optional)';
    modal.querySelector('#confirm-button').textContent = spec.confirm;
    note.value = '';
    note.required = spec.noteRequired;
    modal.returnValue = '';
    return new Promise(resolve => {
        modal.addEventListener('close', () => {
            resolve(modal.returnValue === 'confirm' ? note.value.trim() : null);
        }, { once: true });
        modal.showModal();
    });
}

/** Sends the action; answers the updated transaction or throws the Problem (409 with the reason it was refused). */
export function sendAction(action, txId, note) {
    return postJson(transactionsPath(`/${encodeURIComponent(txId)}/${action}`), note ? { note } : {});
}
