package org.greffe.registry.application;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a client chose, as it is stored: canonical UUIDs and identifiers as they are, anything else keyed-hashed. */
class ClientReferencesTest {

    private static final byte[] SECRET = secret(7);
    private final ClientReferences references = new ClientReferences(SECRET);

    @Test
    void aCanonicalUuidIsStoredAsItIs() {
        assertThat(references.reference("df200af4-29bf-43fe-bfc9-50db8c7e5e58"))
                .isEqualTo("df200af4-29bf-43fe-bfc9-50db8c7e5e58");
    }

    @Test
    void anyOtherValueIsStoredAsItsKeyedHash() {
        String stored = references.reference("Aminata.Traore.76000000");
        assertThat(stored).matches("hmac-sha256:[0-9a-f]{64}").doesNotContainIgnoringCase("aminata");
        assertThat(references.reference("Aminata.Traore.76000000")).as("a retry finds its key").isEqualTo(stored);
        assertThat(references.reference("Aminata.Traore.76000001")).isNotEqualTo(stored);
        assertThat(references.reference("DF200AF4-29BF-43FE-BFC9-50DB8C7E5E58")).startsWith("hmac-sha256:");
        assertThat(references.reference("import-" + "a".repeat(64))).as("only the import itself makes import keys")
                .startsWith("hmac-sha256:");
        assertThat(references.reference(stored)).as("a client cannot pass off its own text as a hash")
                .isNotEqualTo(stored);
    }

    @Test
    void withoutTheSecretTheHashCannotBeComputed() {
        assertThat(new ClientReferences(secret(8)).reference("Aminata Traore"))
                .isNotEqualTo(references.reference("Aminata Traore"));
    }

    @Test
    void aUserNameThatIsAnIdentifierStaysReadable() {
        assertThat(references.user("clerk")).isEqualTo("clerk");
        assertThat(references.user("cli:greffe")).isEqualTo("cli:greffe");
        assertThat(references.user("aminata.traore@example.org")).matches("hmac-sha256:[0-9a-f]{64}");
        assertThat(references.user("google-oauth2|1234")).matches("hmac-sha256:[0-9a-f]{64}");
    }

    @Test
    void theSecretIsThirtyTwoBytes() {
        assertThatThrownBy(() -> new ClientReferences(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSecretIsCopiedSoItCannotBeChangedFromOutside() {
        byte[] secret = secret(9);
        ClientReferences copy = new ClientReferences(secret);
        String before = copy.reference("x");
        Arrays.fill(secret, (byte) 0);
        assertThat(copy.reference("x")).isEqualTo(before);
    }

    private static byte[] secret(int seed) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) seed);
        return secret;
    }
}
