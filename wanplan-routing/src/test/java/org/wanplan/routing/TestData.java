package org.wanplan.routing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The reference data beside the project; tests that need it are skipped, visibly, when it is absent. */
final class TestData {
    private TestData() {}

    static Path root() {
        String configured = System.getProperty("wanplan.shared.data", System.getenv("WANPLAN_SHARED_DATA"));
        return (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data"))
                .toAbsolutePath()
                .normalize();
    }

    static Path zoo() {
        Path p = root().resolve("topologyzoo/graphml");
        assumeTrue(Files.isDirectory(p), () -> "SKIPPED: Topology Zoo data not found at " + p);
        return p;
    }
}
