package dev.txsuite.contract.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PlaceOrderCommandTests {

    record Product(String name, long priceCents, String currency) implements PricedProduct {}

    private static final Map<String, Product> CATALOG = Map.of(
            "MUG-CERAMIC", new Product("Ceramic mug", 1200, "USD"),
            "KETTLE-ELECTRIC", new Product("Electric kettle", 4500, "USD"),
            "EURO-MUG", new Product("Mug sold in euros", 1100, "EUR"));

    @Test
    void shouldPriceEveryLineInTheCustomersCurrency() {
        var command = command(line("MUG-CERAMIC", 2), line("KETTLE-ELECTRIC", 1), line("MUG-CERAMIC", 1));

        assertThat(command.price("USD", PlaceOrderCommandTests::find))
                .containsExactly(
                        new OrderItem("MUG-CERAMIC", "Ceramic mug", 2, 1200, 2400),
                        new OrderItem("KETTLE-ELECTRIC", "Electric kettle", 1, 4500, 4500),
                        new OrderItem("MUG-CERAMIC", "Ceramic mug", 1, 1200, 1200));
    }

    @Test
    void shouldNameEveryUnknownSkuEvenWhenAnotherProductIsInTheWrongCurrency() {
        var command = command(line("NO-SUCH-THING", 1), line("EURO-MUG", 1), line("NOR-THIS", 1));

        assertThatThrownBy(() -> command.price("USD", PlaceOrderCommandTests::find))
                .isInstanceOfSatisfying(OrderProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(problem.toProblemDetail().getType())
                            .hasToString("https://txsuite.dev/problems/unknown-sku");
                    assertThat(problem.toProblemDetail().getProperties().get("errors"))
                            .isEqualTo(List.of(
                                    new FieldError("items[0].sku", "no product with sku 'NO-SUCH-THING'"),
                                    new FieldError("items[2].sku", "no product with sku 'NOR-THIS'")));
                });
    }

    @Test
    void shouldNameEveryProductPricedInAnotherCurrency() {
        var command = command(line("MUG-CERAMIC", 1), line("EURO-MUG", 1));

        assertThatThrownBy(() -> command.price("USD", PlaceOrderCommandTests::find))
                .isInstanceOfSatisfying(OrderProblem.class, problem -> {
                    assertThat(problem.toProblemDetail().getType())
                            .hasToString("https://txsuite.dev/problems/currency-mismatch");
                    assertThat(problem.toProblemDetail().getProperties().get("errors"))
                            .isEqualTo(List.of(new FieldError("items[1].sku", "priced in EUR, not in USD")));
                });
    }

    private static Optional<Product> find(String sku) {
        return Optional.ofNullable(CATALOG.get(sku));
    }

    private static PlaceOrderCommand command(PlaceOrderCommand.Line... lines) {
        return new PlaceOrderCommand("alice", List.of(lines), "2PC");
    }

    private static PlaceOrderCommand.Line line(String sku, int quantity) {
        return new PlaceOrderCommand.Line(sku, quantity);
    }
}
