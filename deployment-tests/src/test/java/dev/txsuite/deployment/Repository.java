package dev.txsuite.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout under test: the files a deployment is made of, read as they are committed. */
final class Repository {

    private Repository() {}

    /** The first parent of the working directory (the module, under Maven) whose pom lists this module. */
    static Path root() {
        for (var candidate = Path.of("").toAbsolutePath(); candidate != null; candidate = candidate.getParent()) {
            var pom = candidate.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<module>deployment-tests</module>")) {
                return candidate;
            }
        }
        throw new IllegalStateException("no parent of " + Path.of("").toAbsolutePath() + " has the root pom.xml");
    }

    static Path file(String relativePath) {
        return root().resolve(relativePath);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
