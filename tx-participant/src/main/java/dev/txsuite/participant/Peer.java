package dev.txsuite.participant;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * One participant of a three-phase-commit transaction as CAN-COMMIT lists it: its name and the base URL of its
 * protocol endpoints. A branch records the list, so that its termination protocol can reach the others when the
 * coordinator is lost.
 */
public record Peer(String name, URI url) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public Peer {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a participant's \"name\" is lower case (\"inventory\"), was "
                    + (name == null ? "missing" : "'" + name + "'"));
        }
        if (url == null
                || !url.isAbsolute()
                || url.getHost() == null
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException(
                    "participant " + name + " needs an absolute http(s) \"url\", was " + url);
        }
    }
}
