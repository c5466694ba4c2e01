package org.wanplan.cli;

import java.util.List;
import org.wanplan.store.Database;

/** The kill -9 test on the embedded H2 database (the default), where the start-up check may have to mend. */
class H2ServeCrashTest extends ServeCrashContract {
    @Override
    List<String> storeArgs() {
        return List.of("--data-dir", dir.toString());
    }

    @Override
    Database open() {
        return Database.embedded(dir);
    }

    @Override
    boolean mayNeedRepair() {
        return true;
    }
}
