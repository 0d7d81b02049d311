package io.auditor.collect.ssh;

import io.auditor.collect.CollectionException;
import io.auditor.model.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secrets are read from where the inventory says, and no message ever shows one. */
class LoginTest {
    @TempDir
    Path dir;

    @Test
    void passwordFileIsItsFirstLineWithoutTheNewline() throws Exception {
        Path f = dir.resolve("pw");
        Files.writeString(f, "correct horse\r\nsecond line\n");
        Login l = Login.of(new Credential("c", "ssh", "u", Map.of("passwordFile", f.toString())), k -> null);
        assertArrayEquals("correct horse".getBytes(StandardCharsets.UTF_8), l.password);
        assertEquals("password,keyboard-interactive", l.methods());
        l.wipe();
        assertArrayEquals(new byte[13], l.password, "wiped after use");
    }

    @Test
    void missingOrEmptySecretsSayWhatToDoWithoutShowingAnything() throws Exception {
        Path empty = dir.resolve("empty");
        Files.writeString(empty, "\n");
        CollectionException e1 = assertThrows(CollectionException.class, () -> Login.of(
                new Credential("c", "ssh", "u", Map.of("passwordFile", empty.toString())), k -> null));
        assertTrue(e1.getMessage().contains("is empty"), e1.getMessage());
        CollectionException e2 = assertThrows(CollectionException.class, () -> Login.of(
                new Credential("c", "ssh", "u", Map.of("passwordFile", dir.resolve("nope").toString())), k -> null));
        assertTrue(e2.getMessage().contains("does not exist"), e2.getMessage());
        CollectionException e3 = assertThrows(CollectionException.class, () -> Login.of(
                new Credential("c", "ssh", "u", Map.of("passwordEnv", "AUDIT_PW")), k -> ""));
        assertTrue(e3.getMessage().contains("environment variable AUDIT_PW"), e3.getMessage());
        CollectionException e4 = assertThrows(CollectionException.class, () -> Login.of(
                new Credential("c", "ssh", "u", Map.of("privateKey", dir.resolve("no_key").toString())), k -> null));
        assertTrue(e4.getMessage().contains("cannot read the private key"), e4.getMessage());
    }

    @Test
    void keyAndPasswordTogetherTryTheKeyFirst() throws Exception {
        Path key = dir.resolve("key");
        Files.writeString(key, "placeholder");
        Login l = Login.of(new Credential("c", "ssh", "u", Map.of("privateKey", key.toString(),
                "passwordEnv", "PW")), Map.of("PW", "x")::get);
        assertEquals("publickey,password,keyboard-interactive", l.methods());
        assertFalse(l.methods().isEmpty());
    }
}
