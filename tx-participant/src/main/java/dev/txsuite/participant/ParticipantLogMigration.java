package dev.txsuite.participant;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the service's own schema, then the participant log's, before Hibernate validates anything. The
 * library keeps its own history table ({@code participant_schema_history}, scripts in {@code db/participant}) so
 * that its versions never clash with the service's. The service's migrations run first: Flyway refuses to start
 * a history in a schema that already holds tables, and the library's history, unlike the service's, is told to
 * accept that (baseline at version 0, below every library script).
 */
class ParticipantLogMigration implements FlywayMigrationStrategy {

    static final String HISTORY_TABLE = "participant_schema_history";

    @Override
    public void migrate(Flyway serviceFlyway) {
        serviceFlyway.migrate();
        var service = serviceFlyway.getConfiguration();
        Flyway.configure(service.getClassLoader())
                .dataSource(service.getDataSource())
                .schemas(service.getSchemas())
                .table(HISTORY_TABLE)
                .locations("classpath:db/participant")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
