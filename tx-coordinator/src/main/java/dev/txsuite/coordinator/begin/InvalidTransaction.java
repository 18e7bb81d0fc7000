package dev.txsuite.coordinator.begin;

/** A transaction the coordinator refuses to begin; answered as a 400 problem of type {@code slug}. */
class InvalidTransaction extends RuntimeException {

    private final String slug;
    private final String title;

    InvalidTransaction(String slug, String title, String detail) {
        super(detail);
        this.slug = slug;
        this.title = title;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }
}
