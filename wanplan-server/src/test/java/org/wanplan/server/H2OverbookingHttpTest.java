package org.wanplan.server;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.wanplan.store.Database;

/** The overbooking race on the embedded H2 database. */
class H2OverbookingHttpTest extends OverbookingHttpContract {
    @TempDir
    Path dir;

    @Override
    Database open() {
        return Database.embedded(dir);
    }
}
