package dev.txsuite.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightedChoiceTests {

    private static final int DRAWS = 20_000;

    @Test
    void shouldDrawEachValueAsOftenAsItsWeightSaysAndNeverOneWeighedZero() {
        var weights = new LinkedHashMap<String, Integer>();
        weights.put("erin", 40);
        weights.put("alice", 4);
        weights.put("bob", 1);
        weights.put("dave", 0);
        var choice = new WeightedChoice<>(weights);

        var drawn = new HashMap<String, Integer>();
        for (var i = 0; i < DRAWS; i++) {
            drawn.merge(choice.get(), 1, Integer::sum);
        }

        assertThat(drawn).doesNotContainKey("dave");
        assertThat(drawn.get("erin") / (double) DRAWS).isCloseTo(40 / 45.0, within(0.02));
        assertThat(drawn.get("alice") / (double) DRAWS).isCloseTo(4 / 45.0, within(0.02));
        assertThat(drawn.get("bob")).isPositive();
    }

    @Test
    void shouldDrawEveryValueAboutEquallyOftenWhenChoosingEvenly() {
        var choice = WeightedChoice.evenly(List.of("alice", "bob", "carol", "dave", "erin"));

        var drawn = new HashMap<String, Integer>();
        for (var i = 0; i < DRAWS; i++) {
            drawn.merge(choice.get(), 1, Integer::sum);
        }

        assertThat(drawn).containsOnlyKeys("alice", "bob", "carol", "dave", "erin");
        drawn.values().forEach(count -> assertThat(count / (double) DRAWS).isCloseTo(0.2, within(0.02)));
    }

    @Test
    void shouldRefuseToChooseFromNothing() {
        assertThatThrownBy(() -> new WeightedChoice<>(Map.of("dave", 0))).hasMessageContaining("nothing to choose");
    }
}
