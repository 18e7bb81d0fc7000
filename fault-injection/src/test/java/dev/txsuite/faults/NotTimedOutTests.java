package dev.txsuite.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

class NotTimedOutTests {

    private final NotTimedOut retryable = new NotTimedOut();

    @Test
    void shouldNotRetryACallWhoseAnswerDidNotComeInTime() {
        assertThat(retryable.test(new RuntimeException("I/O error", new HttpTimeoutException("request timed out"))))
                .isFalse();
        assertThat(retryable.test(new RuntimeException(new SocketTimeoutException("Read timed out"))))
                .isFalse();
    }

    @Test
    void shouldRetryAConnectionThatWasNotMadeOrWasClosed() {
        assertThat(retryable.test(new RuntimeException(new HttpConnectTimeoutException("connect timed out"))))
                .isTrue();
        assertThat(retryable.test(new RuntimeException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(retryable.test(new RuntimeException(new IOException("HTTP/1.1 header parser received no bytes"))))
                .isTrue();
        assertThat(retryable.test(new IllegalStateException("500 Internal Server Error")))
                .isTrue();
    }
}
