package org.greffe.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The dashboard's files as the jar serves them (services/app/src/main/resources/static, copied to the class path). */
final class DashboardFiles {

    private DashboardFiles() {
    }

    static Path root() {
        URL index = DashboardFiles.class.getResource("/static/index.html");
        if (index == null) {
            throw new IllegalStateException("no static/index.html on the class path");
        }
        try {
            return Path.of(index.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file, by its path under the root with forward slashes ({@code js/api.js}), sorted. */
    static List<String> all() {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
                        .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JavaScript modules: the entry app.js and everything it may import. */
    static List<String> modules() {
        return all().stream().filter(name -> name.endsWith(".js")).toList();
    }

    static String read(String name) {
        try {
            return Files.readString(root().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
