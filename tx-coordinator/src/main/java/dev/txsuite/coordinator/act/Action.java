package dev.txsuite.coordinator.act;

/** What an operator can do to a transaction ({@code operator_actions.action}). */
enum Action {
    ABORT,
    RETRY,
    RESOLVE
}
