package dev.txsuite.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txsuite.protocol.Protocol;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceOrderRequestTests {

    @Test
    void shouldBecomeACommandWithTheDefaultProtocol() {
        var command =
                new PlaceOrderRequest("alice", List.of(item("MUG-CERAMIC", 2)), null).toCommand(Protocol.TWO_PHASE);

        assertThat(command.customerId()).isEqualTo("alice");
        assertThat(command.protocol()).isEqualTo(Protocol.TWO_PHASE);
        assertThat(command.items()).containsExactly(new PlaceOrderCommand.Line("MUG-CERAMIC", 2));
    }

    @Test
    void shouldNameEveryInvalidField() {
        var request = new PlaceOrderRequest(
                " ", Arrays.asList(item("", 1), item("MUG-CERAMIC", 0), null, item("KETTLE-ELECTRIC", 1001)), "4PC");

        assertThatThrownBy(() -> request.toCommand(Protocol.TWO_PHASE))
                .isInstanceOfSatisfying(
                        OrderProblem.class,
                        problem -> assertThat(fields(problem))
                                .containsExactlyInAnyOrder(
                                        "customerId",
                                        "items[0].sku",
                                        "items[1].quantity",
                                        "items[2]",
                                        "items[3].quantity",
                                        "protocol"));
    }

    @Test
    void shouldRequireAtLeastOneAndAtMostFiftyItems() {
        assertThatThrownBy(() -> new PlaceOrderRequest("alice", List.of(), null).toCommand(Protocol.TWO_PHASE))
                .isInstanceOfSatisfying(
                        OrderProblem.class,
                        problem -> assertThat(fields(problem)).containsExactly("items"));
        assertThatThrownBy(() -> new PlaceOrderRequest("alice", null, null).toCommand(Protocol.TWO_PHASE))
                .isInstanceOfSatisfying(
                        OrderProblem.class,
                        problem -> assertThat(fields(problem)).containsExactly("items"));
        var tooMany = Collections.nCopies(51, item("MUG-CERAMIC", 1));
        assertThatThrownBy(() -> new PlaceOrderRequest("alice", tooMany, null).toCommand(Protocol.TWO_PHASE))
                .isInstanceOfSatisfying(
                        OrderProblem.class,
                        problem -> assertThat(fields(problem)).containsExactly("items"));
    }

    @Test
    void shouldRequireAQuantity() {
        assertThatThrownBy(() -> new PlaceOrderRequest("alice", List.of(item("MUG-CERAMIC", null)), null)
                        .toCommand(Protocol.TWO_PHASE))
                .isInstanceOfSatisfying(
                        OrderProblem.class,
                        problem -> assertThat(fields(problem)).containsExactly("items[0].quantity"));
    }

    @Test
    void shouldNeverBuildAnInvalidCommandDirectly() {
        assertThatThrownBy(() -> new PlaceOrderCommand("alice", List.of(), Protocol.TWO_PHASE))
                .isInstanceOf(jakarta.validation.ConstraintViolationException.class);
    }

    @Test
    void shouldFingerprintTheOrderNotItsSpelling() {
        var one = new PlaceOrderRequest("alice", List.of(item("MUG-CERAMIC", 2)), null).toCommand(Protocol.TWO_PHASE);
        var same = new PlaceOrderRequest("alice", List.of(item("MUG-CERAMIC", 2)), "2pc").toCommand(Protocol.TWO_PHASE);
        var other = new PlaceOrderRequest("alice", List.of(item("MUG-CERAMIC", 3)), null).toCommand(Protocol.TWO_PHASE);

        assertThat(one.fingerprint()).isEqualTo(same.fingerprint()).isNotEqualTo(other.fingerprint());
    }

    private static PlaceOrderRequest.Item item(String sku, Integer quantity) {
        return new PlaceOrderRequest.Item(sku, quantity);
    }

    private static List<String> fields(OrderProblem problem) {
        @SuppressWarnings("unchecked")
        var errors =
                (List<FieldError>) problem.toProblemDetail().getProperties().get("errors");
        return errors.stream().map(FieldError::field).toList();
    }
}
