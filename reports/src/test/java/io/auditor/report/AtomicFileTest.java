package io.auditor.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFileTest {
    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriterThatFailsHalfwayLeavesTheOldFileIntactAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "{\"good\": true}\n");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("{\"half\": ".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", thrown.getMessage());
        assertEquals("{\"good\": true}\n", Files.readString(target));
        assertEquals(List.of("report.json"), names(dir));
    }

    @Test
    void aRuntimeFailureAlsoLeavesTheOldFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old");
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(target, out -> {
            out.write('x');
            throw new IllegalStateException("bug");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("report.json"), names(dir));
    }

    @Test
    void aSuccessfulWriteReplacesTheFileAndCreatesMissingFolders(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a/b/report.json");
        AtomicFile.write(target, out -> out.write("one".getBytes(StandardCharsets.UTF_8)));
        AtomicFile.write(target, out -> out.write("two".getBytes(StandardCharsets.UTF_8)));
        assertEquals("two", Files.readString(target));
        assertEquals(List.of("report.json"), names(target.getParent()));
    }
}
