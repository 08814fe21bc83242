package org.greffe.app.integrity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The append authentication keys on disk: created once and private, rotated by renaming, never guessed. */
class AppendKeysTest {

    @Test
    void theFirstStartCreatesAPrivateKeyThatLaterStartsRead(@TempDir Path root) throws IOException {
        Path dir = root.resolve("keys");
        AppendKeys created = AppendKeys.open(dir, null);
        Path file = dir.resolve(AppendKeys.CURRENT);
        assertThat(Files.readAllBytes(file)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(created.current().id()).matches("[0-9a-f]{16}");
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(AppendKeys.CURRENT);
        }

        assertThat(AppendKeys.open(dir, created.current().id()).current().id()).isEqualTo(created.current().id());
    }

    @Test
    void aRetiredKeyStillVerifiesWhileANewOneAuthenticates(@TempDir Path dir) throws IOException {
        String old = AppendKeys.open(dir, null).current().id();
        Files.move(dir.resolve(AppendKeys.CURRENT), dir.resolve("append-mac-2026-11.key"));

        AppendKeys rotated = AppendKeys.open(dir, old);

        assertThat(rotated.current().id()).isNotEqualTo(old);
        assertThat(rotated.find(old)).isPresent();
        assertThat(rotated.ids()).containsExactlyInAnyOrder(old, rotated.current().id());
    }

    @Test
    void keysThatDoNotHoldTheKeyOfTheNewestEventsAreRefusedAndNoKeyIsCreated(@TempDir Path dir) {
        assertThatThrownBy(() -> AppendKeys.open(dir, "0123456789abcdef"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("authenticated with key 0123456789abcdef, which no append-mac*.key file in");
        assertThat(dir.resolve(AppendKeys.CURRENT)).doesNotExist();
    }

    @Test
    void aKeyFileOfAnotherSizeIsRefused(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve(AppendKeys.CURRENT), new byte[31]);
        assertThatThrownBy(() -> AppendKeys.open(dir, null)).isInstanceOf(IllegalStateException.class)
                                                           .hasMessageContaining("holds 31 bytes");
    }

    @Test
    void instancesStartingAtOnceOnOneSharedDirectoryAgreeOnOneKey(@TempDir Path dir) throws Exception {
        ExecutorService instances = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                starts.add(() -> AppendKeys.open(dir, null).current().id());
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : instances.invokeAll(starts)) {
                ids.add(id.get());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            instances.shutdown();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(AppendKeys.CURRENT);
        }
    }
}
