package org.wanplan.server;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.wanplan.store.Database;

/** The overbooking race on the embedded SQLite database. */
class SqliteOverbookingHttpTest extends OverbookingHttpContract {
    @TempDir
    Path dir;

    @Override
    Database open() {
        return Database.embedded(dir);
    }
}
