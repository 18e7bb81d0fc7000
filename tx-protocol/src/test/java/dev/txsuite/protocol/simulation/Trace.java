package dev.txsuite.protocol.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every event of a schedule, one per line. The key events (a durable state changed, a node crashed or
 * restarted, the network split or healed, a decision was taken) also make the short trace. A sweep runs its
 * seeds without recording and replays the one it reports with: the seed decides everything, so the replay is
 * the same schedule.
 */
final class Trace {

    private record Line(int event, String text, boolean key) {}

    private final boolean recording;
    private final List<Line> lines = new ArrayList<>();
    private int event;

    Trace(boolean recording) {
        this.recording = recording;
    }

    /** Starts the next event of the schedule. */
    void next() {
        event++;
    }

    void add(Supplier<String> text) {
        if (recording) {
            lines.add(new Line(event, text.get(), false));
        }
    }

    void key(Supplier<String> text) {
        if (recording) {
            lines.add(new Line(event, text.get(), true));
        }
    }

    String full() {
        return render(false);
    }

    String keyEvents() {
        return render(true);
    }

    private String render(boolean keyOnly) {
        var text = new StringBuilder();
        lines.stream()
                .filter(line -> !keyOnly || line.key())
                .forEach(line -> text.append(String.format("%5d %s%n", line.event(), line.text())));
        return text.toString();
    }
}
