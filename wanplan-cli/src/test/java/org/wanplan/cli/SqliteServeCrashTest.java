package org.wanplan.cli;

import java.util.List;
import org.wanplan.store.Database;

/** The kill -9 test on the embedded SQLite file (the default). */
class SqliteServeCrashTest extends ServeCrashContract {
    @Override
    List<String> storeArgs() {
        return List.of("--data-dir", dir.toString());
    }

    @Override
    Database open() {
        return Database.embedded(dir);
    }

    @Override
    int defaultRounds() {
        return 3;
    }
}
