package dev.txsuite.coordinator.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code txsuite.coordinator.live-view.*}.
 *
 * @param recent how many finished transactions the view keeps, newest first
 * @param replay how far back in {@code tx.events} the view starts reading when it is (re)assigned the topic's
 *     partitions: the view lives in memory only, so it rebuilds itself from the events after every start.
 *     Longer than the longest vote deadline (5 min), so a transaction begun before the start is seen whole.
 */
@ConfigurationProperties("txsuite.coordinator.live-view")
public record LiveViewProperties(
        @DefaultValue("200") int recent,
        @DefaultValue("15m") Duration replay) {}
