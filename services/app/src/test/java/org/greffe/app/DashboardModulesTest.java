package org.greffe.app;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard is plain ES modules with no build step: the page loads one module, {@code app.js}, from its own
 * address (preloading the modules it imports), every import names a file that is there, every module is imported, and
 * nothing needs more than a Content-Security-Policy of {@code script-src 'self'} (no inline script or handler, no
 * eval).
 */
class DashboardModulesTest {

    private static final Pattern IMPORT = Pattern.compile("(?:\\bfrom|^import)\\s+'([^']+)'", Pattern.MULTILINE);
    private static final Pattern PRELOAD = Pattern.compile("<link rel=\"modulepreload\" href=\"([^\"]+)\">");
    private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    @Test
    void thePageLoadsOneModuleFromItsOwnAddressAndNoInlineScript() {
        String page = DashboardFiles.read("index.html");
        List<String> scripts = SCRIPT.matcher(page).results().map(MatchResult::group).toList();
        assertThat(scripts).containsExactly("<script type=\"module\" src=\"app.js\">");
        assertThat(page).contains("<script type=\"module\" src=\"app.js\"></script>")
                        .doesNotContainPattern("(?i)\\son[a-z]+=").doesNotContain("javascript:");
    }

    /** Preloaded, the modules come in one round trip after the page rather than one per level of imports. */
    @Test
    void thePagePreloadsEveryModuleItImports() {
        List<String> preloaded = PRELOAD.matcher(DashboardFiles.read("index.html")).results()
                                        .map(preload -> preload.group(1)).toList();
        List<String> imported = DashboardFiles.modules().stream().filter(name -> !name.equals("app.js")).toList();
        assertThat(preloaded).as("modules preloaded by index.html").doesNotHaveDuplicates()
                             .containsExactlyInAnyOrderElementsOf(imported);
    }

    @Test
    void everyImportNamesAFileThereAndEveryModuleIsImported() {
        Set<String> reached = new TreeSet<>();
        Deque<String> toRead = new ArrayDeque<>(List.of("app.js"));
        while (!toRead.isEmpty()) {
            String module = toRead.pop();
            if (reached.add(module)) {
                imports(module).forEach(toRead::push);
            }
        }
        assertThat(reached).as("modules imported from app.js").containsExactlyInAnyOrderElementsOf(
                DashboardFiles.modules());
    }

    /** Imports go one way (views use their parts, never the other way round): no module is imported back. */
    @Test
    void noModuleImportsOneThatImportsItBack() {
        Map<String, List<String>> graph = new TreeMap<>();
        DashboardFiles.modules().forEach(module -> graph.put(module, new ArrayList<>(imports(module))));
        boolean removed = true;
        while (removed) {
            List<String> leaves = graph.entrySet().stream().filter(entry -> entry.getValue().isEmpty())
                                       .map(Map.Entry::getKey).toList();
            leaves.forEach(graph::remove);
            graph.values().forEach(targets -> targets.removeAll(leaves));
            removed = !leaves.isEmpty();
        }
        assertThat(graph).as("modules in or behind an import cycle").isEmpty();
    }

    /** The files module imports, as paths under the dashboard's root; each must be there. */
    private static List<String> imports(String module) {
        List<String> files = DashboardFiles.all();
        List<String> imported = new ArrayList<>();
        Matcher imports = IMPORT.matcher(DashboardFiles.read(module));
        while (imports.find()) {
            String target = imports.group(1);
            assertThat(target).as(module + " imports by a relative address").matches("\\.\\.?/.*\\.js");
            String resolved = URI.create("/" + module).resolve(target).getPath().substring(1);
            assertThat(files).as(module + " imports " + target).contains(resolved);
            imported.add(resolved);
        }
        return imported;
    }

    @Test
    void noModuleEvaluatesText() {
        for (String module : DashboardFiles.modules()) {
            assertThat(DashboardFiles.read(module)).as(module).doesNotContainPattern("\\beval\\s*\\(")
                                                   .doesNotContainPattern("\\bnew\\s+Function\\s*\\(")
                                                   .doesNotContainPattern("setTimeout\\(\\s*['\"]");
        }
    }
}
