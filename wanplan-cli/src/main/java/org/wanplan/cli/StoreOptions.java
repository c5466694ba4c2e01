package org.wanplan.cli;

import java.nio.file.Path;
import org.wanplan.store.Database;
import org.wanplan.store.IncompatibleDataException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where the service keeps its data: {@code --data-dir DIR} (an embedded SQLite file, default
 * {@code ./data}) or {@code --db JDBC_URL} (PostgreSQL; user and password from the URL or from
 * {@code WANPLAN_DB_USER} / {@code WANPLAN_DB_PASSWORD}).
 */
final class StoreOptions {
    static final class Choice {
        @Option(
                names = "--data-dir",
                paramLabel = "DIR",
                description = "embedded database directory (SQLite, wanplan.db; default: ./data)")
        Path dataDir;

        @Option(names = "--db", paramLabel = "JDBC_URL", description = "e.g. jdbc:postgresql://127.0.0.1:5432/wanplan")
        String url;
    }

    @ArgGroup(exclusive = true)
    Choice choice;

    /** Where the data is, for messages (never the password). */
    String describe() {
        if (choice != null && choice.url != null) {
            return choice.url.replaceAll("password=[^&]*", "password=…");
        }
        return (choice != null && choice.dataDir != null ? choice.dataDir : Path.of("data"))
                .toAbsolutePath()
                .toString();
    }

    /** Opens the store; a data directory this version cannot open is a {@link CliFailure} saying what to do. */
    Database open() {
        if (choice != null && choice.url != null) {
            return Database.open(choice.url, System.getenv("WANPLAN_DB_USER"), System.getenv("WANPLAN_DB_PASSWORD"));
        }
        try {
            return Database.embedded(choice != null && choice.dataDir != null ? choice.dataDir : Path.of("data"));
        } catch (IncompatibleDataException e) {
            throw new CliFailure(e.getMessage());
        }
    }
}
