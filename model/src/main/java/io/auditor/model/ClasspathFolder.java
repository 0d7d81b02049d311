package io.auditor.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Lists the resources under a classpath folder, from a directory (IDE, tests) or from inside a jar (the
 * runnable jar), so that adding a rule or platform means adding a file — no index to keep in step.
 */
public final class ClasspathFolder {
    private ClasspathFolder() {}

    /** A resource: its path relative to the folder ({@code /}-separated) and its bytes. */
    public record Entry(String relativePath, byte[] bytes) {
        public String text() { return new String(bytes, java.nio.charset.StandardCharsets.UTF_8); }
    }

    public static List<Entry> read(ClassLoader loader, String folder, Predicate<String> nameFilter) {
        try {
            Path root = path(loader, folder);
            return root == null ? List.of() : walk(root, nameFilter);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot list classpath folder " + folder + ": " + e, e));
        }
    }

    /**
     * A classpath resource (file or folder) as a path: on disk, or inside the jar's file system, which is opened once
     * per jar, shared by every caller and left open for the life of the process. {@code null} when there is none.
     */
    public static Path path(ClassLoader loader, String resource) throws IOException {
        URL url = loader.getResource(resource);
        if (url == null) return null;
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) return Path.of(uri);
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            return fs.getPath("/" + resource);
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate classpath resource " + resource + ": " + e.getMessage(), e);
        }
    }

    private static List<Entry> walk(Path root, Predicate<String> nameFilter) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (!Files.isRegularFile(p)) continue;
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (nameFilter.test(rel)) out.add(new Entry(rel, Files.readAllBytes(p)));
            }
        }
        return Collections.unmodifiableList(out);
    }
}
