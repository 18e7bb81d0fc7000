package dev.txsuite.faults;

import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.function.Predicate;

/**
 * Whether a failed call is worth another attempt: any failure but an answer that did not come in time. A service
 * that is slow is busy, and asking it again only queues the same work behind itself: no retry turns one slow call
 * into three. A connection that could not be made in time, or one the other side had closed, is tried again. Named
 * in application.yml as a Resilience4j retry's {@code retry-exception-predicate}.
 */
public class NotTimedOut implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return true;
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return false;
            }
        }
        return true;
    }
}
