package dev.txsuite.testing;

import java.util.List;

/** A page of a list endpoint as Spring Data's {@code PagedModel} serialises it (DESIGN.md section 3). */
public record PageOf<T>(List<T> content, Metadata page) {

    public record Metadata(int size, int number, long totalElements, int totalPages) {}
}
