package org.wanplan.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2ReservationsTest extends ReservationsContract {
    @TempDir
    Path dir;

    @Override
    Database open() {
        return Database.embedded(dir);
    }
}
