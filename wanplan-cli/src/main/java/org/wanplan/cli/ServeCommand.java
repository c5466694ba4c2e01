package org.wanplan.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.wanplan.server.WanplanServer;
import org.wanplan.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wanplan serve}: the service platform — the REST API and the map UI — until stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve the REST API (/api/v1, OpenAPI at /api/v1/openapi.json) and the map UI (/). Tokens:"
                + " `wanplan token create` on the same --data-dir or --db.")
final class ServeCommand implements Callable<Integer> {
    @Option(
            names = "--port",
            defaultValue = "8080",
            paramLabel = "PORT",
            description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String host;

    @Option(names = "--quiet", description = "no access log (otherwise one line per request on standard output)")
    boolean quiet;

    @Option(
            names = "--target-growth",
            defaultValue = "0.30",
            paramLabel = "R",
            description = "the revenue growth a year the portfolio is measured against (default: ${DEFAULT-VALUE},"
                    + " the operator's plan: +30 % a year)")
    double targetGrowth;

    @Mixin
    StoreOptions store;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535, was " + port);
        }
        if (!org.wanplan.store.Portfolio.validTargetGrowth(targetGrowth)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--target-growth must be above -1 and at most 10, was " + targetGrowth);
        }
        Database db = store.open();
        WanplanServer server;
        try {
            PrintWriter log = spec.commandLine().getOut();
            server = WanplanServer.create(
                            db,
                            quiet
                                    ? line -> {}
                                    : line -> {
                                        synchronized (log) {
                                            log.println(line);
                                            log.flush();
                                        }
                                    })
                    .targetGrowth(targetGrowth)
                    .start(host, port);
        } catch (RuntimeException e) {
            db.close();
            throw new CliFailure("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            db.close();
            stopped.countDown();
        }));
        PrintWriter out = spec.commandLine().getOut();
        if (!server.recovery().clean()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("the last shutdown was not clean; the integrity check mended "
                    + server.recovery().repairs().size() + " thing(s) (audited as 'recovery'):");
            server.recovery().repairs().forEach(r -> err.println("  " + r));
            err.flush();
        }
        out.println("wanplan serving http://" + host + ":" + server.port() + "/ (API: /api/v1, data: "
                + store.describe() + "); Ctrl-C stops");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
