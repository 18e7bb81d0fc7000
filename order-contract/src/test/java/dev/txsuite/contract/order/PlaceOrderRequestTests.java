package dev.txsuite.contract.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PlaceOrderRequestTests {

    /** Reads the protocol as order-service does: "2PC" by default, "2PC" or "3PC" in any case. */
    private static String twoOrThreePhase(String requested) {
        if (requested == null) {
            return "2PC";
        }
        var label = requested.toUpperCase(Locale.ROOT);
        if (!List.of("2PC", "3PC").contains(label)) {
            throw new IllegalArgumentException("unknown protocol '" + requested + "': use \"2PC\" or \"3PC\"");
        }
        return label;
    }

    @Test
    void shouldBecomeACommandWithTheProtocolTheServiceRead() {
        var command = new PlaceOrderRequest("alice", List.of(item("MUG-CERAMIC", 2)), null)
                .toCommand(PlaceOrderRequestTests::twoOrThreePhase);

        assertThat(command.customerId()).isEqualTo("alice");
        assertThat(command.protocol()).isEqualTo("2PC");
        assertThat(command.items()).containsExactly(new PlaceOrderCommand.Line("MUG-CERAMIC", 2));
    }

    @Test
    void shouldNameEveryInvalidFieldTheProtocolFirstThenTheOthersByName() {
        var request = new PlaceOrderRequest(
                " ", Arrays.asList(item("", 1), item("MUG-CERAMIC", 0), null, item("KETTLE-ELECTRIC", 1001)), "4PC");

        assertThatThrownBy(() -> request.toCommand(PlaceOrderRequestTests::twoOrThreePhase))
                .isInstanceOfSatisfying(OrderProblem.class, problem -> {
                    assertThat(errors(problem))
                            .containsExactly(
                                    new FieldError("protocol", "unknown protocol '4PC': use \"2PC\" or \"3PC\""),
                                    new FieldError("customerId", "must not be blank"),
                                    new FieldError("items[0].sku", "must not be blank"),
                                    new FieldError("items[1].quantity", "must be at least 1"),
                                    new FieldError("items[2]", "must not be null"),
                                    new FieldError("items[3].quantity", "must be at most 1000"));
                    assertThat(problem.getMessage())
                            .isEqualTo("Invalid request: protocol, customerId, items[0].sku, items[1].quantity,"
                                    + " items[2], items[3].quantity");
                });
    }

    @Test
    void shouldRequireAtLeastOneAndAtMostFiftyItems() {
        assertThat(fieldsOf(new PlaceOrderRequest("alice", List.of(), null))).containsExactly("items");
        assertThat(fieldsOf(new PlaceOrderRequest("alice", null, null))).containsExactly("items");
        var tooMany = Collections.nCopies(51, item("MUG-CERAMIC", 1));
        assertThat(fieldsOf(new PlaceOrderRequest("alice", tooMany, null))).containsExactly("items");
    }

    @Test
    void shouldRequireAQuantity() {
        assertThat(fieldsOf(new PlaceOrderRequest("alice", List.of(item("MUG-CERAMIC", null)), null)))
                .containsExactly("items[0].quantity");
    }

    @Test
    void shouldNeverBuildAnInvalidCommandDirectly() {
        assertThatThrownBy(() -> new PlaceOrderCommand("alice", List.of(), "2PC"))
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void shouldFingerprintTheOrderNotItsSpelling() {
        var one = new PlaceOrderRequest("alice", List.of(item("MUG-CERAMIC", 2)), null)
                .toCommand(PlaceOrderRequestTests::twoOrThreePhase);
        var same = new PlaceOrderRequest("alice", List.of(item("MUG-CERAMIC", 2)), "2pc")
                .toCommand(PlaceOrderRequestTests::twoOrThreePhase);
        var other = new PlaceOrderRequest("alice", List.of(item("MUG-CERAMIC", 3)), null)
                .toCommand(PlaceOrderRequestTests::twoOrThreePhase);
        var otherProtocol = new PlaceOrderRequest("alice", List.of(item("MUG-CERAMIC", 2)), "3PC")
                .toCommand(PlaceOrderRequestTests::twoOrThreePhase);

        assertThat(one.fingerprint())
                .isEqualTo(same.fingerprint())
                .isNotEqualTo(other.fingerprint())
                .isNotEqualTo(otherProtocol.fingerprint());
    }

    @Test
    void shouldFingerprintARequestThatNamesNoProtocolApartFromOneThatDoes() {
        var named = new PlaceOrderCommand("alice", List.of(new PlaceOrderCommand.Line("MUG-CERAMIC", 1)), "LOCAL");
        var unnamed = new PlaceOrderCommand("alice", List.of(new PlaceOrderCommand.Line("MUG-CERAMIC", 1)), null);

        assertThat(named.fingerprint()).isNotEqualTo(unnamed.fingerprint());
    }

    private static PlaceOrderRequest.Item item(String sku, Integer quantity) {
        return new PlaceOrderRequest.Item(sku, quantity);
    }

    private static List<String> fieldsOf(PlaceOrderRequest request) {
        try {
            request.toCommand(PlaceOrderRequestTests::twoOrThreePhase);
        } catch (OrderProblem problem) {
            return errors(problem).stream().map(FieldError::field).toList();
        }
        throw new AssertionError("expected " + request + " to be refused");
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> errors(OrderProblem problem) {
        return (List<FieldError>) problem.toProblemDetail().getProperties().get("errors");
    }
}
