package org.wanplan.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.wanplan.store.Database;
import org.wanplan.store.Role;
import org.wanplan.store.Tokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wanplan token create|list|revoke}: a new API token, printed once (only its hash is stored); the
 * tokens there are (never the tokens themselves); revoking one.
 */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Manage API tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required: create, list or revoke");
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token and print it once.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, planner or viewer")
        String role;

        @Mixin
        StoreOptions store;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Role r = Role.fromLabel(role)
                    .orElseThrow(() -> new CommandLine.ParameterException(
                            spec.commandLine(), "--role must be admin, planner or viewer, was '" + role + "'"));
            try (Database db = store.open()) {
                String token = db.tokens().create(r, actor());
                PrintWriter out = spec.commandLine().getOut();
                out.println(token);
                out.flush();
            }
            spec.commandLine().getErr().println("a " + role + " token: shown once, store it now");
            return ExitCodes.OK;
        }
    }

    /** Who runs the CLI, as the audit log names them. */
    static String actor() {
        return "cli:" + System.getProperty("user.name");
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the tokens: id (the API's audit log names a token's calls token#ID), role, created,"
                    + " revoked. Never the tokens themselves.")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = store.open()) {
                out.printf(
                        java.util.Locale.ROOT, "%-8s %-8s %-20s %-20s %s%n", "ID", "ROLE", "CREATED", "BY", "REVOKED");
                for (Tokens.Info t : db.tokens().list()) {
                    out.printf(
                            java.util.Locale.ROOT,
                            "%-8s %-8s %-20s %-20s %s%n",
                            Tokens.name(t.id()),
                            t.role().label(),
                            seconds(t.createdAt()),
                            t.createdBy(),
                            t.revoked() ? seconds(t.revokedAt()) + " by " + t.revokedBy() : "-");
                }
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static String seconds(java.time.Instant t) {
            return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a token: it stops authenticating (a running server forgets it within "
                    + "10 seconds). Audited.")
    static final class Revoke implements Callable<Integer> {
        @CommandLine.Parameters(
                paramLabel = "ID",
                description = "the token's id, as `token list` shows it (token#7 or 7)")
        String id;

        @Mixin
        StoreOptions store;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            long number = Tokens.idOf(id)
                    .orElseThrow(() -> new CommandLine.ParameterException(
                            spec.commandLine(), "ID must be a token id such as token#7 or 7, was '" + id + "'"));
            Tokens.Info t;
            try (Database db = store.open()) {
                t = db.tokens().revoke(actor(), number);
            } catch (java.util.NoSuchElementException e) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), e.getMessage() + " (see `wanplan token list`)");
            }
            spec.commandLine()
                    .getOut()
                    .println(Tokens.name(t.id()) + " (" + t.role().label() + ") revoked at "
                            + t.revokedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " by "
                            + t.revokedBy());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
