package dev.txsuite.participant.counting;

import dev.txsuite.participant.BranchWork;
import dev.txsuite.protocol.Vote;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Business work a test can see: PREPARE records the units PREPARED (or votes NO for none), COMMIT makes them
 * COMMITTED, ABORT undoes them (ABORTED, with the reason).
 */
@Component
class CountedWork implements BranchWork<CountedWork.Units> {

    static final String NOTHING_TO_COUNT = "NOTHING_TO_COUNT";

    record Units(int units) {}

    private final JdbcClient jdbc;

    CountedWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Class<Units> payloadType() {
        return Units.class;
    }

    @Override
    public Vote prepare(String txId, Units payload) {
        if (payload.units() <= 0) {
            return Vote.no(NOTHING_TO_COUNT);
        }
        jdbc.sql("insert into counted_work (tx_id, units, state) values (?, ?, 'PREPARED')")
                .params(txId, payload.units())
                .update();
        return Vote.yes();
    }

    @Override
    public void commit(String txId) {
        settle(txId, "COMMITTED", null);
    }

    @Override
    public void abort(String txId, String reason) {
        settle(txId, "ABORTED", reason);
    }

    private void settle(String txId, String state, String reason) {
        var changed = jdbc.sql("update counted_work set state = ?, reason = ? where tx_id = ? and state = 'PREPARED'")
                .params(state, reason, txId)
                .update();
        if (changed != 1) {
            throw new IllegalStateException("no PREPARED work of transaction " + txId + " to make " + state);
        }
    }
}
