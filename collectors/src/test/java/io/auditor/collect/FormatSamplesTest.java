package io.auditor.collect;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Keeps {@code samples/formats} and its README in step with the catalog. */
class FormatSamplesTest {
    private static final Path FORMATS = Path.of("..", "samples", "formats");

    private static List<Path> sampleFiles() throws Exception {
        try (Stream<Path> s = Files.walk(FORMATS)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList();
        }
    }

    @Test
    void everySampleBelongsToAProbeAndIsListedInTheReadme() throws Exception {
        Map<String, Probe> probes = new HashMap<>();
        for (Platform p : PlatformCatalog.builtIn().platforms()) for (Probe pr : p.probes()) probes.put(pr.id(), pr);
        String readme = Files.readString(FORMATS.resolve("README.md"));
        Map<String, Integer> perParser = new HashMap<>();
        for (Path f : sampleFiles()) {
            Path rel = FORMATS.relativize(f);
            assertEquals(2, rel.getNameCount(), "samples are <probe-id>/<case>.txt: " + rel);
            String probe = rel.getName(0).toString();
            String file = rel.getName(1).toString();
            assertTrue(probes.containsKey(probe), "folder " + probe + " is not a probe id");
            assertTrue(file.endsWith(".txt"), rel.toString());
            assertTrue(readme.contains("| " + probe + " | `" + file + "` |"), "README.md does not describe " + rel);
            perParser.merge(probes.get(probe).parser(), 1, Integer::sum);
        }
        Set<String> thin = new TreeSet<>();
        for (String parser : Parsers.installed().ids()) if (perParser.getOrDefault(parser, 0) < 2) thin.add(parser);
        assertEquals(Set.of(), thin, "parsers with fewer than two samples");
    }

    @Test
    void everyReadmeRowNamesAnExistingFile() throws Exception {
        int rows = 0;
        for (String line : Files.readAllLines(FORMATS.resolve("README.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length < 3 || !cells[2].strip().startsWith("`")) continue;
            Path f = FORMATS.resolve(cells[1].strip()).resolve(cells[2].strip().replace("`", ""));
            assertTrue(Files.isRegularFile(f), "README.md lists " + f + " which does not exist");
            rows++;
        }
        assertEquals(sampleFiles().size(), rows, "README.md rows naming a sample file");
    }
}
