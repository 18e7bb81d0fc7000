package dev.txsuite.launcher.up;

import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.process.DatabaseLogin;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** The PostgreSQL the services keep their data in: {@code PGHOST:PGPORT} as {@code PGUSER}, as psql would. */
public record PostgresServer(String host, String port, String user, String password) {

    public static PostgresServer fromEnvironment(Map<String, String> environment) {
        return new PostgresServer(
                valueOf(environment, "PGHOST", "127.0.0.1"),
                valueOf(environment, "PGPORT", "5432"),
                valueOf(environment, "PGUSER", "postgres"),
                valueOf(environment, "PGPASSWORD", ""));
    }

    public DatabaseLogin loginTo(String database) {
        return new DatabaseLogin("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password);
    }

    public void requireReachable() {
        try (var connection = connect()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new SuiteFailure("cannot reach PostgreSQL at " + host + ":" + port + " as " + user + " ("
                    + e.getMessage() + ").\n"
                    + "  Start one (Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)\n"
                    + "  or point PGHOST/PGPORT/PGUSER/PGPASSWORD at yours.");
        }
    }

    /** Creates the database unless it exists; true when it was created. */
    public boolean createIfMissing(String database) {
        try (var connection = connect();
                var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
            return true;
        } catch (SQLException e) {
            throw new SuiteFailure(
                    "cannot create the database " + database + " on " + host + ":" + port + ": " + e.getMessage());
        }
    }

    /** Drops the database, with whatever connections it still has, if it exists. */
    public void dropIfExists(String database) {
        try (var connection = connect();
                var drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new SuiteFailure(
                    "cannot drop the database " + database + " on " + host + ":" + port + ": " + e.getMessage());
        }
    }

    private Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(loginTo("postgres").jdbcUrl(), user, password);
    }

    private static String valueOf(Map<String, String> environment, String name, String fallback) {
        var value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
