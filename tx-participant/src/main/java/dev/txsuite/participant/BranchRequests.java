package dev.txsuite.participant;

import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.participant.BranchMessage;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The bodies of the participant endpoints. Each validates itself, so a malformed body never reaches the
 * participant log: Jackson reports the failure and the endpoint answers 400. The termination protocol sends
 * the same bodies to the other participants.
 */
final class BranchRequests {

    private BranchRequests() {}

    /**
     * {@code {"epoch":1,"protocol":"3PC","participants":[{"name","url"},...],"payload":{...},"voteBy":"..."}}; the
     * protocol is optional and defaults to 2PC. The participants are required under 3PC (CAN-COMMIT) and ignored
     * under 2PC, which has no termination protocol. {@code voteBy}, optional, is the transaction's vote deadline.
     */
    record PrepareRequest(Long epoch, String protocol, List<Peer> participants, JsonNode payload, Instant voteBy) {

        PrepareRequest {
            requireEpoch(epoch);
            var runs = protocol == null ? Protocol.TWO_PHASE : Protocol.fromLabel(protocol);
            participants = runs == Protocol.THREE_PHASE ? requirePeers(participants) : List.of();
            if (payload == null || !payload.isObject()) {
                throw new IllegalArgumentException("a PREPARE needs a JSON object \"payload\"");
            }
        }

        Protocol runs() {
            return protocol == null ? Protocol.TWO_PHASE : Protocol.fromLabel(protocol);
        }

        /** Whether a participant may take part: under 3PC only one the list names. */
        boolean admits(String participant) {
            return runs() == Protocol.TWO_PHASE
                    || participants.stream().anyMatch(peer -> peer.name().equals(participant));
        }

        BranchMessage.Prepare toMessage(String txId) {
            return new BranchMessage.Prepare(
                    txId, epoch, runs(), participants.stream().map(Peer::name).toList());
        }

        private static List<Peer> requirePeers(List<Peer> participants) {
            if (participants == null || participants.isEmpty()) {
                throw new IllegalArgumentException(
                        "a 3PC CAN-COMMIT needs \"participants\": [{\"name\",\"url\"},...], every participant of the"
                                + " transaction");
            }
            var names = new HashSet<String>();
            for (var peer : participants) {
                if (peer == null) {
                    throw new IllegalArgumentException("\"participants\" holds a null entry");
                }
                if (!names.add(peer.name())) {
                    throw new IllegalArgumentException("\"participants\" names " + peer.name() + " twice");
                }
            }
            return List.copyOf(participants);
        }
    }

    /** {@code {"epoch":1}}: PRE-COMMIT and COMMIT carry nothing else. */
    record EpochRequest(Long epoch) {

        EpochRequest {
            requireEpoch(epoch);
        }
    }

    /** {@code {"epoch":1,"reason":"OUT_OF_STOCK"}}; the reason is optional. */
    record AbortRequest(Long epoch, String reason) {

        AbortRequest {
            requireEpoch(epoch);
        }
    }

    private static void requireEpoch(Long epoch) {
        if (epoch == null || epoch < 0) {
            throw new IllegalArgumentException("\"epoch\" must be a number >= 0, was " + epoch);
        }
    }
}
