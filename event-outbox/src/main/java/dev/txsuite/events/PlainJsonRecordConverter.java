package dev.txsuite.events;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event as its plain JSON with exactly the headers it was given (the {@link CloudEventHeaders}), as
 * UTF-8 text. Spring's default converter would add {@code __TypeId__} and {@code spring_json_header_types}:
 * Java class names that mean nothing to a consumer outside this code base. Inbound, header values stay bytes.
 */
class PlainJsonRecordConverter extends ByteArrayJacksonJsonMessageConverter {

    PlainJsonRecordConverter(JsonMapper jsonMapper) {
        super(jsonMapper);
        var headers = new SimpleKafkaHeaderMapper();
        headers.setMapAllStringsOut(true);
        setHeaderMapper(headers);
    }

    @Override
    protected Headers initialRecordHeaders(Message<?> message) {
        return new RecordHeaders();
    }
}
