package org.greffe.app;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deployments of {@code infra/}, read as data: the Kubernetes manifests of {@code infra/k8s} (replicas, probes,
 * readiness on the database, disruption budget, Service, secrets only by reference) and {@code infra/compose.yaml}
 * (restart policies, one image, health checks), and no private key or password written in any file of {@code infra/}.
 * Nothing here runs them: it checks their structure only. Each check is also run on a broken copy, to show it fails.
 */
class DeploymentManifestsTest {

    private static final Path ROOT = repositoryRoot();
    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";
    private static final String READINESS_GROUP = "MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE";
    /** Names of settings that hold a secret, as whole words of the name: GREFFE_KEYS_DIR is a directory. */
    private static final Set<String> SECRET_WORDS = Set.of("PASSWORD", "SECRET", "TOKEN", "KEY", "CREDENTIALS");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.");
    private static final Pattern PASSWORD_ASSIGNMENT = Pattern.compile(
            "(?i)([A-Za-z0-9_.-]*pass(?:word|wd)[A-Za-z0-9_.-]*)[\"']?[ \\t]*[:=][ \\t]*([^\\s,;]*)");

    @Test
    void theDeploymentRunsTwoReplicasOrMore() {
        replicas(manifests());
    }

    @Test
    void livenessAndReadinessProbeTheirEndpoints() {
        probes(manifests());
    }

    @Test
    void readinessIncludesTheDatabase() {
        readinessIncludesDatabase(manifests());
    }

    @Test
    void aDisruptionBudgetKeepsOneReplica() {
        disruptionBudget(manifests());
    }

    @Test
    void aServiceSelectsTheReplicas() {
        service(manifests());
    }

    @Test
    void secretsComeFromSecretsOnly() {
        secretsByReference(manifests());
    }

    @Test
    void noSecretIsCommitted() {
        noSecretManifest(manifests());
    }

    @Test
    void noFileOfInfraHoldsAPrivateKeyOrAPassword() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve("infra"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                noKeyOrPassword(ROOT.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
    }

    @Test
    void theMountedSettingsAreThoseComposeMounts() {
        Map<String, Object> files = configMap(manifests(), "greffe-files");
        assertThat(yaml().<Object>load((String) map(files.get("data")).get("application.yml")))
                .as("the ConfigMap greffe-files holds infra/greffe/application.yml")
                .isEqualTo(yaml().load(read(ROOT.resolve("infra/greffe/application.yml"))));
    }

    @Test
    void composeRestartsEveryServiceAndChecksGreffesHealth() {
        compose(composeFile());
    }

    /** Each check on a copy of the real files with one thing broken: the check must fail. */
    @Nested
    class OnABrokenManifest {

        @Test
        void oneReplica() {
            List<Map<String, Object>> manifests = manifests();
            map(deployment(manifests).get("spec")).put("replicas", 1);
            assertThatThrownBy(() -> replicas(manifests)).isInstanceOf(AssertionError.class);
        }

        @Test
        void aProbeOnTheWrongPath() {
            List<Map<String, Object>> manifests = manifests();
            map(map(container(manifests).get("readinessProbe")).get("httpGet")).put("path", "/actuator/health");
            assertThatThrownBy(() -> probes(manifests)).isInstanceOf(AssertionError.class);
        }

        @Test
        void noLivenessProbe() {
            List<Map<String, Object>> manifests = manifests();
            container(manifests).remove("livenessProbe");
            assertThatThrownBy(() -> probes(manifests)).isInstanceOf(AssertionError.class);
        }

        @Test
        void readinessWithoutTheDatabase() {
            List<Map<String, Object>> manifests = manifests();
            map(configMap(manifests, "greffe-env").get("data")).put(READINESS_GROUP,
                    "readinessState,caseloadProjection");
            assertThatThrownBy(() -> readinessIncludesDatabase(manifests)).isInstanceOf(AssertionError.class);
        }

        @Test
        void aBudgetOfNone() {
            List<Map<String, Object>> manifests = manifests();
            map(only(manifests, "PodDisruptionBudget").get("spec")).put("minAvailable", 0);
            assertThatThrownBy(() -> disruptionBudget(manifests)).isInstanceOf(AssertionError.class);
        }

        @Test
        void aBudgetSelectingOtherPods() {
            List<Map<String, Object>> manifests = manifests();
            map(map(map(only(manifests, "PodDisruptionBudget").get("spec")).get("selector")).get("matchLabels"))
                    .put("app.kubernetes.io/name", "other");
            assertThatThrownBy(() -> disruptionBudget(manifests)).isInstanceOf(AssertionError.class);
        }

        @Test
        void aServiceSelectingOtherPods() {
            List<Map<String, Object>> manifests = manifests();
            map(map(only(manifests, "Service").get("spec")).get("selector")).put("app.kubernetes.io/name", "other");
            assertThatThrownBy(() -> service(manifests)).isInstanceOf(AssertionError.class);
        }

        @Test
        void aPasswordWrittenInTheDeployment() {
            List<Map<String, Object>> manifests = manifests();
            List<Object> env = list(container(manifests).get("env"));
            env.add(new LinkedHashMap<>(Map.of("name", "SPRING_DATASOURCE_PASSWORD", "value", "hunter2")));
            assertThatThrownBy(() -> secretsByReference(manifests)).isInstanceOf(AssertionError.class);
        }

        @Test
        void aTokenInTheConfigMap() {
            List<Map<String, Object>> manifests = manifests();
            map(configMap(manifests, "greffe-env").get("data")).put("GREFFE_API_TOKEN", "abc");
            assertThatThrownBy(() -> secretsByReference(manifests)).isInstanceOf(AssertionError.class);
        }

        @Test
        void aCommittedSecret() {
            List<Map<String, Object>> manifests = manifests();
            manifests.add(new LinkedHashMap<>(Map.of("kind", "Secret", "metadata", Map.of("name", "greffe-db"),
                    "stringData", Map.of("app-password", "hunter2"))));
            assertThatThrownBy(() -> noSecretManifest(manifests)).isInstanceOf(AssertionError.class);
        }

        @Test
        void aPrivateKeyOrAPasswordInAFile() {
            String key = "-----BEGIN " + "PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI...\n";
            assertThatThrownBy(() -> noKeyOrPassword("infra/k8s/keys.yaml", key)).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> noKeyOrPassword("infra/compose.yaml", "      POSTGRES_PASSWORD: hunter2\n"))
                    .isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> noKeyOrPassword("infra/postgres/x.sh", "psql -v app_password=hunter2"))
                    .isInstanceOf(AssertionError.class);
        }

        @Test
        void aComposeServiceThatDoesNotRestart() {
            Map<String, Object> compose = composeFile();
            map(map(compose.get("services")).get("grafana")).remove("restart");
            assertThatThrownBy(() -> compose(compose)).isInstanceOf(AssertionError.class);
        }

        @Test
        void twoGreffeImages() {
            Map<String, Object> compose = composeFile();
            map(map(compose.get("services")).get("greffe-2")).put("build", Map.of("context", ".."));
            assertThatThrownBy(() -> compose(compose)).isInstanceOf(AssertionError.class);
        }

        @Test
        void aGreffeWithoutHealthCheck() {
            Map<String, Object> compose = composeFile();
            map(map(compose.get("services")).get("greffe-2")).put("healthcheck", Map.of("disable", true));
            assertThatThrownBy(() -> compose(compose)).isInstanceOf(AssertionError.class);
        }
    }

    // The checks.

    static void replicas(List<Map<String, Object>> manifests) {
        assertThat((Integer) map(deployment(manifests).get("spec")).get("replicas")).as("replicas")
                .isNotNull().isGreaterThanOrEqualTo(2);
    }

    static void probes(List<Map<String, Object>> manifests) {
        Map<String, Object> container = container(manifests);
        assertThat(probePath(container, "livenessProbe")).as("liveness probe").isEqualTo(LIVENESS);
        assertThat(probePath(container, "readinessProbe")).as("readiness probe").isEqualTo(READINESS);
        assertThat(probePath(container, "startupProbe")).as("startup probe").isEqualTo(LIVENESS);
    }

    static void readinessIncludesDatabase(List<Map<String, Object>> manifests) {
        String group = environment(manifests).get(READINESS_GROUP);
        assertThat(group).as(READINESS_GROUP + " in the Deployment's environment").isNotNull();
        assertThat(Arrays.asList(group.split(","))).as("the readiness group").contains("readinessState", "db");
    }

    static void disruptionBudget(List<Map<String, Object>> manifests) {
        Map<String, Object> spec = map(only(manifests, "PodDisruptionBudget").get("spec"));
        assertThat(spec.get("minAvailable")).as("minAvailable, a number of pods").isInstanceOf(Integer.class);
        assertThat((Integer) spec.get("minAvailable")).as("minAvailable").isGreaterThanOrEqualTo(1);
        assertThat(podLabels(manifests)).as("the Deployment's pods, selected by the budget")
                .containsAllEntriesOf(stringMap(map(spec.get("selector")).get("matchLabels")));
    }

    static void service(List<Map<String, Object>> manifests) {
        Map<String, Object> spec = map(only(manifests, "Service").get("spec"));
        Map<String, String> selector = stringMap(spec.get("selector"));
        assertThat(selector).as("the Service's selector").isNotEmpty();
        assertThat(podLabels(manifests)).as("the Deployment's pods, selected by the Service")
                .containsAllEntriesOf(selector);
        Set<Object> containerPorts = list(container(manifests).get("ports")).stream()
                .flatMap(port -> Stream.of(map(port).get("name"), map(port).get("containerPort")))
                .collect(Collectors.toSet());
        assertThat(list(spec.get("ports"))).as("the Service's ports reach the container's").isNotEmpty()
                .allSatisfy(port -> assertThat(containerPorts).contains(map(port).get("targetPort")));
    }

    static void secretsByReference(List<Map<String, Object>> manifests) {
        for (Object env : list(container(manifests).getOrDefault("env", List.of()))) {
            String name = (String) map(env).get("name");
            if (secretName(name)) {
                assertThat(map(env)).as(name + ": from a Secret, never written").doesNotContainKey("value");
                assertThat(map(map(env).get("valueFrom"))).as(name + ": from a Secret").containsKey("secretKeyRef");
            }
        }
        for (Map<String, Object> configMap : ofKind(manifests, "ConfigMap")) {
            assertThat(map(configMap.getOrDefault("data", Map.of())).keySet())
                    .as("settings of ConfigMap " + name(configMap) + " that belong in a Secret")
                    .noneMatch(DeploymentManifestsTest::secretName);
        }
    }

    static void noSecretManifest(List<Map<String, Object>> manifests) {
        assertThat(ofKind(manifests, "Secret")).as("Secrets with their values committed")
                .noneMatch(secret -> secret.containsKey("data") || secret.containsKey("stringData"));
    }

    /**
     * No private key, no access token, and no password written as a value: a password setting may only name an
     * environment variable ({@code ${...}}, {@code "$..."}) or a placeholder ({@code ...}). compose.demo.yaml's roles
     * take the published value {@code demo}, unused since its database trusts its own network.
     */
    static void noKeyOrPassword(String file, String text) {
        assertThat(PRIVATE_KEY.matcher(text).find()).as(file + " holds a private key").isFalse();
        assertThat(JWT.matcher(text).find()).as(file + " holds an access token").isFalse();
        Matcher assignment = PASSWORD_ASSIGNMENT.matcher(text);
        while (assignment.find()) {
            String value = assignment.group(2).replaceAll("^[\"']", "");
            boolean reference = value.isEmpty() || value.startsWith("$") || value.matches("\\.+");
            boolean published = file.endsWith("compose.demo.yaml") && value.equals("demo");
            assertThat(reference || published).as(file + " writes a password: " + assignment.group()).isTrue();
        }
    }

    static void compose(Map<String, Object> compose) {
        Map<String, Object> services = map(compose.get("services"));
        services.forEach((name, service) -> assertThat(map(service).get("restart")).as(name + "'s restart policy")
                .isIn("always", "unless-stopped", "on-failure"));
        Map<String, Object> greffes = services.entrySet().stream().filter(s -> s.getKey().startsWith("greffe"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(greffes).as("Greffe instances").hasSizeGreaterThanOrEqualTo(2);
        assertThat(greffes.values().stream().map(s -> map(s).get("image")).collect(Collectors.toSet()))
                .as("the Greffe instances' image").hasSize(1).doesNotContainNull();
        assertThat(greffes.values()).as("Greffe instances that build the image").filteredOn(s -> map(s)
                .containsKey("build")).hasSize(1);
        greffes.forEach((name, service) -> {
            assertThat(String.valueOf(map(map(service).get("healthcheck")).get("test"))).as(name + "'s health check")
                    .contains(READINESS);
            assertThat(String.valueOf(map(map(service).get("environment")).get(READINESS_GROUP)))
                    .as(name + "'s readiness group").contains("db");
            assertThat(map(map(map(service).get("depends_on")).get("postgres")).get("condition"))
                    .as(name + " waits for PostgreSQL").isEqualTo("service_healthy");
        });
        assertThat(String.valueOf(map(map(services.get("postgres")).get("healthcheck")).get("test")))
                .as("PostgreSQL's health check").contains("pg_isready");
    }

    // Reading the files.

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra/k8s"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no infra/k8s above " + Path.of("").toAbsolutePath());
    }

    /** Every document of infra/k8s, read afresh so that a test may break its copy. */
    private static List<Map<String, Object>> manifests() {
        List<Map<String, Object>> manifests = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("infra/k8s"))) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
                for (Object document : yaml().loadAll(read(file))) {
                    if (document != null) {
                        manifests.add(map(document));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifests;
    }

    private static Map<String, Object> composeFile() {
        return map(yaml().load(read(ROOT.resolve("infra/compose.yaml"))));
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Finding things in them.

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> manifests, String kind) {
        return manifests.stream().filter(m -> kind.equals(m.get("kind"))).toList();
    }

    private static Map<String, Object> only(List<Map<String, Object>> manifests, String kind) {
        List<Map<String, Object>> found = ofKind(manifests, kind);
        assertThat(found).as("manifests of kind " + kind).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> deployment(List<Map<String, Object>> manifests) {
        return only(manifests, "Deployment");
    }

    private static Map<String, Object> podSpec(List<Map<String, Object>> manifests) {
        return map(map(map(deployment(manifests).get("spec")).get("template")).get("spec"));
    }

    private static Map<String, String> podLabels(List<Map<String, Object>> manifests) {
        return stringMap(map(map(map(deployment(manifests).get("spec")).get("template")).get("metadata"))
                .get("labels"));
    }

    private static Map<String, Object> container(List<Map<String, Object>> manifests) {
        List<Object> containers = list(podSpec(manifests).get("containers"));
        assertThat(containers).as("the Deployment's containers").hasSize(1);
        return map(containers.get(0));
    }

    private static Map<String, Object> configMap(List<Map<String, Object>> manifests, String name) {
        return ofKind(manifests, "ConfigMap").stream().filter(c -> name.equals(name(c))).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
    }

    /** The container's environment: its ConfigMaps' (envFrom), then its own entries with a value. */
    private static Map<String, String> environment(List<Map<String, Object>> manifests) {
        Map<String, Object> container = container(manifests);
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object from : list(container.getOrDefault("envFrom", List.of()))) {
            Object reference = map(from).get("configMapRef");
            if (reference != null) {
                String name = (String) map(reference).get("name");
                environment.putAll(stringMap(configMap(manifests, name).get("data")));
            }
        }
        for (Object env : list(container.getOrDefault("env", List.of()))) {
            if (map(env).get("value") != null) {
                environment.put((String) map(env).get("name"), String.valueOf(map(env).get("value")));
            }
        }
        return environment;
    }

    private static String probePath(Map<String, Object> container, String probe) {
        Object found = container.get(probe);
        return found == null ? null : (String) map(map(found).get("httpGet")).get("path");
    }

    private static boolean secretName(String name) {
        return Arrays.stream(name.toUpperCase().split("[_.-]")).anyMatch(SECRET_WORDS::contains);
    }

    private static String name(Map<String, Object> manifest) {
        return (String) map(manifest.get("metadata")).get("name");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).as("a mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).as("a list").isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> strings = new LinkedHashMap<>();
        map(value).forEach((key, entry) -> strings.put(key, String.valueOf(entry)));
        return strings;
    }
}
