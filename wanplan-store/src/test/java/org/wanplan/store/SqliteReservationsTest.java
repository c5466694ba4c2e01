package org.wanplan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded SQLite file, and what is particular to it. */
class SqliteReservationsTest extends ReservationsContract {
    @TempDir
    Path dir;

    @Override
    Database open() {
        return Database.embedded(dir);
    }

    @Test
    void a_data_directory_with_an_earlier_h2_database_is_refused_with_what_to_do(@TempDir Path old) throws Exception {
        Files.write(old.resolve(Database.H2_FILE), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> Database.embedded(old))
                .isInstanceOf(IncompatibleDataException.class)
                .hasMessageContaining(old.resolve("wanplan.mv.db").toString())
                .hasMessageContaining("H2")
                .hasMessageContaining("mv ");
        assertThat(old.resolve(Database.EMBEDDED_FILE)).doesNotExist();
    }

    @Test
    void the_database_is_a_wal_file_that_syncs_every_commit() {
        List<Object> settings = db.jdbi()
                .withHandle(h -> List.of(
                        h.createQuery("PRAGMA journal_mode").mapTo(String.class).one(),
                        h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one(),
                        h.createQuery("PRAGMA foreign_keys")
                                .mapTo(Integer.class)
                                .one()));
        // synchronous: 2 = FULL (https://www.sqlite.org/pragma.html#pragma_synchronous)
        assertThat(settings).containsExactly("wal", 2, 1);
        assertThat(dir.resolve(Database.EMBEDDED_FILE)).exists();
    }

    @Test
    void a_second_opener_of_the_file_waits_for_the_first_ones_write_transaction() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Database other = Database.embedded(dir)) {
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
                try {
                    db.transaction(tx -> {
                        tx.reservations().reserve("first", "tri", Map.of("ab", 6.0));
                        inside.countDown();
                        release.await();
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
                try {
                    other.reservations().reserve("second", "tri", Map.of("ab", 6.0));
                } catch (OverbookedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(waiter).isNotDone(); // blocked on the write lock, not failed
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            // it ran after the first committed, saw its 6 of 10 Gbps and was refused
            assertThat(waiter)
                    .failsWithin(30, TimeUnit.SECONDS)
                    .withThrowableThat()
                    .havingRootCause()
                    .isInstanceOf(OverbookedException.class);
        }
        assertThat(db.reservations().reserved("tri")).containsEntry("ab", 6.0);
    }
}
