package dev.txsuite.participant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.client.RestClientException;

/**
 * Recognises the answer "I have no record of this transaction" from the coordinator or another participant: a
 * 404 problem of type {@code unknown-transaction}. Any other 404 (a wrong URL, a service that is not ours) says
 * nothing about the transaction and must not be taken for a missing record, which would abort it.
 */
final class UnknownTransaction {

    static final String TYPE = "https://txsuite.dev/problems/unknown-transaction";

    private UnknownTransaction() {}

    static boolean isAnswer(ConvertibleClientHttpResponse response) throws IOException {
        if (!response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
            return false;
        }
        try {
            var problem = response.bodyTo(ProblemType.class);
            return problem != null && TYPE.equals(problem.type());
        } catch (RestClientException e) {
            return false;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProblemType(String type) {}
}
