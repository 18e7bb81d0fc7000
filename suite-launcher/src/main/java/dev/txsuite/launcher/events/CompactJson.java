package dev.txsuite.launcher.events;

/** JSON on one line: the whitespace between tokens goes, the text inside strings stays as it is. */
final class CompactJson {

    private CompactJson() {}

    static String of(String json) {
        var compact = new StringBuilder(json.length());
        var inString = false;
        var escaped = false;
        for (var i = 0; i < json.length(); i++) {
            var c = json.charAt(i);
            if (inString) {
                compact.append(c);
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                compact.append(c);
            } else if (!Character.isWhitespace(c)) {
                compact.append(c);
            }
        }
        return compact.toString();
    }
}
