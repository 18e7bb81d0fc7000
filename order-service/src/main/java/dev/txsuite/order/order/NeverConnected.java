package dev.txsuite.order.order;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.function.Predicate;

/**
 * Whether a call failed before a connection was made, so the other side cannot have seen the request. Named in
 * application.yml as the coordinator retry's {@code retry-exception-predicate}.
 */
public class NeverConnected implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof HttpConnectTimeoutException
                    || cause instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }
}
