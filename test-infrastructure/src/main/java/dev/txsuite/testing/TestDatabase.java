package dev.txsuite.testing;

/** A fresh, empty PostgreSQL database made for one test class (or one end-to-end run). */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {}
