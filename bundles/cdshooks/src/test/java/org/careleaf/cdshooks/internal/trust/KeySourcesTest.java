package org.careleaf.cdshooks.internal.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

import org.careleaf.cdshooks.internal.trust.JwksSource.KeysUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inline and file key sets, and the client configuration that chooses between them. */
class KeySourcesTest {

    private final ECKey k1 = TestKeys.ec(Curve.P_384, "k1");
    private final ECKey k2 = TestKeys.ec(Curve.P_384, "k2");

    @Test
    void aSetHoldingAPrivateKeyIsRefusedWhole() {
        String withPrivate = new JWKSet(List.of(k1)).toString(false);
        KeysUnavailable e = assertThrows(KeysUnavailable.class, () -> new StaticJwks(withPrivate));
        assertTrue(e.getMessage().contains("private key"), e.getMessage());
    }

    @Test
    void keysWithoutKidOrForEncryptionAreLeftOut() throws Exception {
        String json = "{\"keys\": [" + k1.toPublicJWK().toJSONString().replace("\"kid\":\"k1\",", "")
                .replace(",\"kid\":\"k1\"", "") + "]}";
        assertThrows(KeysUnavailable.class, () -> new StaticJwks(json), "no usable key at all");
        StaticJwks s = new StaticJwks(TestKeys.jwks(k1, k2));
        assertNotNull(s.key("k2"));
        assertNull(s.key("k3"));
    }

    @Test
    void aFileIsReadAgainWhenItChangesSoARemovedKeyStopsWorking(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ehr-jwks.json");
        Files.writeString(file, TestKeys.jwks(k1, k2));
        FileJwks s = new FileJwks(file);
        assertNotNull(s.key("k2"));
        Files.writeString(file, TestKeys.jwks(k1));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        assertNull(s.key("k2"), "the operator removed k2");
        assertNotNull(s.key("k1"));
        Files.writeString(file, "{broken");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 4000));
        assertThrows(KeysUnavailable.class, () -> s.key("k1"), "a broken file trusts nothing");
        assertNotNull(s.problem());
        Files.delete(file);
        assertThrows(KeysUnavailable.class, () -> s.key("k1"));
    }

    @Test
    void aClientConfigurationNeedsAnIssuerAndExactlyOneKeySource(@TempDir Path dir) throws Exception {
        String jwks = TestKeys.jwks(k1);
        assertNull(new TrustedClient(TestConfigs.client(Map.of("issuer", "https://ehr", "jwks", jwks))).problem());
        assertTrue(new TrustedClient(TestConfigs.client(Map.of("issuer", " ", "jwks", jwks))).problem()
                .contains("issuer"));
        TrustedClient two = new TrustedClient(TestConfigs.client(Map.of("issuer", "https://ehr", "jwks", jwks,
                "jwksUrl", "https://ehr.example.org/jwks")));
        assertTrue(two.problem().contains("exactly one"), two.problem());
        assertNull(two.keys());
        TrustedClient none = new TrustedClient(TestConfigs.client(Map.of("issuer", "https://ehr")));
        assertTrue(none.problem().contains("exactly one"));
        Path file = dir.resolve("keys.json");
        Files.writeString(file, jwks);
        TrustedClient fromFile = new TrustedClient(TestConfigs.client(Map.of("issuer", "https://ehr",
                "jwksFile", file.toString())));
        assertEquals("k1", fromFile.keys().key("k1").getKeyID());
        TrustedClient plainHttp = new TrustedClient(TestConfigs.client(Map.of("issuer", "https://ehr",
                "jwksUrl", "http://ehr.example.org/jwks")));
        assertTrue(plainHttp.problem().contains("https"), plainHttp.problem());
    }
}
