package dev.txsuite.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ActivityMeterTests {

    @Test
    void shouldCountTheRequestsAServiceServedButNotItsActuators() {
        var scrape = Stream.of(
                "# HELP http_server_requests_seconds",
                "# TYPE http_server_requests_seconds summary",
                "http_server_requests_seconds_count{error=\"none\",method=\"GET\",uri=\"/actuator/health/**\"} 7",
                "http_server_requests_seconds_count{error=\"none\",method=\"GET\",uri=\"/actuator/prometheus\"} 3",
                "http_server_requests_seconds_count{error=\"none\",method=\"POST\",uri=\"/tx/branches/{txId}/prepare\"} 829",
                "http_server_requests_seconds_count{error=\"none\",method=\"POST\",uri=\"/api/orders\"} 1.2E3",
                "http_server_requests_seconds_sum{error=\"none\",method=\"POST\",uri=\"/api/orders\"} 55.1");

        assertThat(ActivityMeter.requestsServed(scrape)).isEqualTo(829 + 1200);
    }
}
