package dev.txsuite.coordinator.begin;

import dev.txsuite.coordinator.config.CoordinatorProperties;
import dev.txsuite.coordinator.log.DecisionLog;
import dev.txsuite.coordinator.log.LoggedTransactions;
import dev.txsuite.coordinator.log.NewTransaction;
import dev.txsuite.coordinator.participant.ParticipantClient;
import dev.txsuite.coordinator.run.RunningTransactions;
import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.coordinator.TxState;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;

/**
 * Begins a global transaction: checks it, records it durably with its branches, runs it, and answers with
 * its state once it is decided and phase two was tried once, or at the latest when the vote deadline and the
 * grace are past. A transaction id already in the log is not run again: its current state is the answer.
 */
@Service
public class BeginTransaction {

    private final DecisionLog decisionLog;
    private final LoggedTransactions loggedTransactions;
    private final RunningTransactions runs;
    private final ParticipantClient participants;
    private final CoordinatorProperties properties;

    public BeginTransaction(
            DecisionLog decisionLog,
            LoggedTransactions loggedTransactions,
            RunningTransactions runs,
            ParticipantClient participants,
            CoordinatorProperties properties) {
        this.decisionLog = decisionLog;
        this.loggedTransactions = loggedTransactions;
        this.runs = runs;
        this.participants = participants;
        this.properties = properties;
    }

    public TransactionOutcome begin(BeginTransactionRequest request) {
        var tx = check(request);
        if (decisionLog.record(tx)) {
            var settled = awaitOutcome(tx);
            if (settled.isPresent()) {
                return TransactionOutcome.of(settled.get());
            }
        }
        return loggedTransactions
                .find(tx.txId())
                .map(TransactionOutcome::of)
                .orElseThrow(() -> new IllegalStateException("transaction " + tx.txId() + " vanished from the log"));
    }

    /**
     * The state the run settled in; empty when it did not within the deadline, or stopped early: then the log shows
     * how the transaction stands.
     */
    private Optional<TxState> awaitOutcome(NewTransaction tx) {
        var settled = runs.begin(tx);
        try {
            return Optional.ofNullable(
                    settled.get(tx.timeout().plus(properties.answerGrace()).toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            // the run goes on
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run of " + tx.txId() + " failed", e.getCause());
        }
    }

    private NewTransaction check(BeginTransactionRequest request) {
        var protocol = protocol(request.protocol());
        var seen = new HashSet<String>();
        for (var branch : request.branches()) {
            if (!participants.names().contains(branch.participant())) {
                throw new InvalidTransaction(
                        "unknown-participant",
                        "Unknown participant",
                        "unknown participant '" + branch.participant() + "'; known participants: "
                                + participants.names().stream().sorted().toList());
            }
            if (!seen.add(branch.participant())) {
                throw new InvalidTransaction(
                        "duplicate-participant",
                        "Duplicate participant",
                        "participant '" + branch.participant() + "' has more than one branch");
            }
            if (!branch.payload().isObject()) {
                throw new InvalidTransaction(
                        "invalid-request",
                        "Invalid request",
                        "the payload of participant '" + branch.participant() + "' must be a JSON object");
            }
        }
        var branches = request.branches().stream()
                .map(branch -> new NewTransaction.Branch(branch.participant(), branch.payload()))
                .toList();
        var initiator = request.initiator() == null || request.initiator().isBlank() ? null : request.initiator();
        if (initiator != null && !seen.contains(initiator)) {
            throw new InvalidTransaction(
                    "invalid-request",
                    "Invalid request",
                    "the initiator '" + initiator + "' has no branch; the branches are "
                            + seen.stream().sorted().toList());
        }
        var orderId = request.orderId() == null || request.orderId().isBlank() ? null : request.orderId();
        return new NewTransaction(request.txId(), orderId, protocol, request.timeout(), branches, initiator);
    }

    private static Protocol protocol(String label) {
        try {
            return Protocol.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw new InvalidTransaction("unknown-protocol", "Unknown protocol", e.getMessage());
        }
    }
}
