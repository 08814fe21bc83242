package org.greffe.app.integrity;

import org.greffe.audit.application.TreeHead;
import org.greffe.audit.application.TreeHeadSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The head signing keys: created once, kept, rotated like the append keys, and refused when damaged. */
class HeadSigningKeysTest {

    @TempDir
    Path dir;

    private static TreeHead signed(HeadSigningKeys keys, long size) {
        String root = "ab".repeat(32);
        String timestamp = "2026-12-01T03:00:00Z";
        TreeHeadSigner.Signed signed = keys.sign(TreeHead.message(size, root, timestamp));
        return new TreeHead(size, root, timestamp, signed.keyId(),
                Base64.getEncoder().encodeToString(signed.signature()));
    }

    private static byte[] publicKey(HeadSigningKeys keys, String keyId) {
        return Base64.getDecoder().decode(keys.publicKeys().stream().filter(key -> key.keyId().equals(keyId))
                                              .findFirst().orElseThrow().publicKey());
    }

    @Test
    void theFirstStartCreatesAKeyThatLaterStartsKeep() throws Exception {
        HeadSigningKeys first = HeadSigningKeys.open(dir.resolve("keys"));
        assertThat(Files.size(dir.resolve("keys").resolve(HeadSigningKeys.CURRENT))).isEqualTo(64);
        HeadSigningKeys again = HeadSigningKeys.open(dir.resolve("keys"));
        assertThat(again.currentId()).isEqualTo(first.currentId()).matches("[0-9a-f]{16}");

        TreeHead head = signed(again, 42);
        assertThat(head.keyId()).isEqualTo(first.currentId());
        byte[] published = publicKey(first, head.keyId());
        assertThat(head.signedBy(published)).isTrue();
        assertThat(HeadSigningKeys.idOf(published)).isEqualTo(head.keyId());
    }

    @Test
    void aRetiredKeyStaysPublishedSoThatItsHeadsStillVerify() throws Exception {
        Path keys = dir.resolve("keys");
        HeadSigningKeys old = HeadSigningKeys.open(keys);
        TreeHead oldHead = signed(old, 7);
        Files.move(keys.resolve(HeadSigningKeys.CURRENT), keys.resolve("head-signing-2026.key"),
                StandardCopyOption.ATOMIC_MOVE);

        HeadSigningKeys rotated = HeadSigningKeys.open(keys);
        assertThat(rotated.currentId()).isNotEqualTo(old.currentId());
        List<TreeHeadSigner.HeadKey> published = rotated.publicKeys();
        assertThat(published).extracting(TreeHeadSigner.HeadKey::keyId)
                             .containsExactlyInAnyOrder(old.currentId(), rotated.currentId());
        assertThat(published).filteredOn(TreeHeadSigner.HeadKey::current).singleElement()
                             .extracting(TreeHeadSigner.HeadKey::keyId).isEqualTo(rotated.currentId());
        assertThat(oldHead.signedBy(publicKey(rotated, old.currentId()))).isTrue();
        assertThat(signed(rotated, 8).keyId()).isEqualTo(rotated.currentId());
    }

    @Test
    void aDamagedKeyFileIsRefusedInOneSentence() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Files.write(keys.resolve(HeadSigningKeys.CURRENT), new byte[10]);
        assertThatThrownBy(() -> HeadSigningKeys.open(keys)).hasMessageEndingWith("holds 10 bytes; a head signing "
                + "key is 64 bytes (the Ed25519 seed, then the public key): restore it from a backup, or move it "
                + "away to let Greffe create a new one");

        Path other = dir.resolve("other");
        HeadSigningKeys.open(other);
        byte[] mixed = Files.readAllBytes(other.resolve(HeadSigningKeys.CURRENT));
        Files.delete(other.resolve(HeadSigningKeys.CURRENT));
        HeadSigningKeys.open(other);
        byte[] second = Files.readAllBytes(other.resolve(HeadSigningKeys.CURRENT));
        System.arraycopy(second, 32, mixed, 32, 32);
        Files.write(keys.resolve(HeadSigningKeys.CURRENT), mixed);
        assertThatThrownBy(() -> HeadSigningKeys.open(keys))
                .hasMessageEndingWith("its public half does not match its private half; restore the file from a "
                        + "backup");
    }
}
