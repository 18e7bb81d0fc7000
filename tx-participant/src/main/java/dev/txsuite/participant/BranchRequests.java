package dev.txsuite.participant;

import dev.txsuite.protocol.Protocol;
import tools.jackson.databind.JsonNode;

/**
 * The bodies of the participant endpoints. Each validates itself, so a malformed body never reaches the
 * participant log: Jackson reports the failure and the endpoint answers 400.
 */
final class BranchRequests {

    private BranchRequests() {}

    /** {@code {"epoch":1,"protocol":"2PC","payload":{...}}}; the protocol is optional and defaults to 2PC. */
    record PrepareRequest(Long epoch, String protocol, JsonNode payload) {

        PrepareRequest {
            requireEpoch(epoch);
            if (protocol != null) {
                Protocol.fromLabel(protocol);
            }
            if (payload == null || !payload.isObject()) {
                throw new IllegalArgumentException("a PREPARE needs a JSON object \"payload\"");
            }
        }
    }

    /** {@code {"epoch":1}} */
    record CommitRequest(Long epoch) {

        CommitRequest {
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
