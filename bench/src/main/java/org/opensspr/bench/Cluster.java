package org.opensspr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The production topology of docs/operations.md on one machine: N server nodes (the packaged jar,
 * each its own process, data dir and HTTP port) on one PostgreSQL database ({@link Postgres}), an
 * external OpenLDAP ({@link Slapd}, seeded with {@link SeedLdif}'s users and their initial
 * passwords), one SMTP server ({@link MailSink}) and HAProxy in front ({@link HaProxy}). Every node
 * has the same secret key, directory, mail and admin token and trusts HAProxy (127.0.0.1) for
 * {@code X-Forwarded-For}. Nodes can be killed ({@code kill -9}) and started again, the database
 * and the directory stopped and started, so a test can see what a client of the balancer sees.
 * {@link ClusterLoad} measures it, {@code ClusterIntegrationTests} proves it.
 */
final class Cluster implements AutoCloseable {

    /**
     * How the cluster is made.
     *
     * @param jvmOptions JVM options of every node
     * @param serverArgs extra server properties of every node, each {@code --name=value}
     */
    record Settings(
            Path serverJar,
            Path java,
            List<String> jvmOptions,
            List<String> serverArgs,
            int users,
            boolean keepMailLog,
            Duration requestTimeout,
            Duration startTimeout) {

        Settings {
            jvmOptions = List.copyOf(jvmOptions);
            serverArgs = List.copyOf(serverArgs);
        }
    }

    private final Path dir;
    private final Settings settings;
    private final Postgres database;
    private final Slapd directory;
    private final MailSink mail;
    private final String adminToken = "cluster-" + HexFormat.of().formatHex(random(16));
    private final String secretKey = Base64.getEncoder().encodeToString(random(32));
    private final List<Integer> ports = Collections.synchronizedList(new ArrayList<>());
    private final List<ServerProcess> nodes = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, Api> nodeApis = new ConcurrentHashMap<>();
    private HaProxy balancer;
    private Api api;
    private String apiKey;

    private Cluster(Path dir, Settings settings, Postgres database, Slapd directory, MailSink mail) {
        this.dir = dir;
        this.settings = settings;
        this.database = database;
        this.directory = directory;
        this.mail = mail;
    }

    /** Seeds and starts the stores, then {@code nodeCount} nodes and HAProxy; returns once HAProxy sees every node up. */
    static Cluster start(Path folder, Settings settings, int nodeCount) throws IOException, InterruptedException {
        // absolute: the servers' own tools run in folders of their own
        Path dir = folder.toAbsolutePath();
        if (!Files.isRegularFile(settings.serverJar())) {
            throw new IOException("No server jar at " + settings.serverJar().toAbsolutePath()
                    + "; build it: ./mvnw -B -q package -DskipTests -pl server,bench -am");
        }
        Files.createDirectories(dir);
        long t = System.nanoTime();
        Path seed = dir.resolve("seed.ldif");
        SeedLdif.write(seed, settings.users(), true);
        Slapd directory = null;
        Postgres database = null;
        MailSink mail = null;
        Cluster cluster = null;
        try {
            directory = Slapd.start(dir.resolve("slapd"), seed);
            database = Postgres.create();
            mail = MailSink.start(ServerProcess.freePort(), settings.keepMailLog());
            cluster = new Cluster(dir, settings, database, directory, mail);
            System.out.printf(
                    Locale.ROOT,
                    "Cluster stores in %.1f s: PostgreSQL %s (%s), slapd %s with %d users, SMTP port %d%n",
                    (System.nanoTime() - t) / 1e9,
                    database.name(),
                    database.jdbcUrl(),
                    directory.url(),
                    settings.users(),
                    mail.port());
            cluster.startNodes(nodeCount);
            System.out.printf(
                    Locale.ROOT,
                    "Cluster of %d nodes up behind HAProxy %s in %.1f s; logs under %s%n",
                    nodeCount,
                    cluster.balancer.base(),
                    (System.nanoTime() - t) / 1e9,
                    dir);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            } else {
                if (mail != null) {
                    mail.close();
                }
                if (database != null) {
                    database.close();
                }
                if (directory != null) {
                    directory.close();
                }
            }
            throw e;
        }
    }

    private void startNodes(int count) throws IOException, InterruptedException {
        // The first node alone: it migrates the empty database and records the installation.
        addNodeProcess();
        nodes.get(0).awaitHealthy(nodeApi(0), settings.startTimeout());
        List<Integer> more = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            more.add(addNodeProcess());
        }
        for (int i : more) {
            nodes.get(i).awaitHealthy(nodeApi(i), settings.startTimeout());
        }
        balancer = HaProxy.start(dir.resolve("haproxy"), List.copyOf(ports));
        for (int i = 0; i < count; i++) {
            balancer.awaitState(i, "UP", Duration.ofSeconds(30));
        }
        api = new Api(balancer.base(), settings.requestTimeout());
        try {
            apiKey = Json.string(
                    Api.expect(
                                    api.post(
                                            "api/v1/admin/api-keys",
                                            Json.object("name", "cluster"),
                                            adminAuthorization()),
                                    201)
                            .body(),
                    "key");
        } catch (Failure e) {
            throw new IOException("no API key: " + e.kind() + " " + e.getMessage(), e);
        }
    }

    /** Starts one more node and puts it behind HAProxy; returns its index once HAProxy sees it up. */
    int addNode() throws IOException, InterruptedException {
        int node = addNodeProcess();
        nodes.get(node).awaitHealthy(nodeApi(node), settings.startTimeout());
        balancer.configure(List.copyOf(ports));
        for (int i = 0; i < nodes.size(); i++) {
            balancer.awaitState(i, "UP", Duration.ofSeconds(30));
        }
        return node;
    }

    private int addNodeProcess() throws IOException {
        int port = ServerProcess.freePort();
        synchronized (nodes) {
            int node = nodes.size();
            ports.add(port);
            nodes.add(launch(node, port));
            return node;
        }
    }

    private ServerProcess launch(int node, int port) throws IOException {
        List<String> properties = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + Postgres.USER,
                "--sspr.secret-key=" + secretKey,
                "--sspr.trusted-proxy=127.0.0.1",
                "--sspr.directory.url=" + directory.url(),
                "--sspr.directory.flavor=openldap",
                "--sspr.directory.base-dn=" + SeedLdif.BASE_DN,
                "--sspr.directory.bind-dn=" + Slapd.SERVICE_DN,
                "--sspr.directory.bind-password=" + directory.servicePassword(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.port(),
                "--sspr.bootstrap.admin-token=" + adminToken));
        properties.addAll(settings.serverArgs());
        Path nodeDir = Files.createDirectories(dir.resolve(HaProxy.nodeName(node)));
        return ServerProcess.start(
                settings.java(), settings.jvmOptions(), settings.serverJar(), nodeDir, port, properties);
    }

    /** {@code kill -9} of node {@code node}; returns once the process is gone. */
    void kill(int node) throws InterruptedException {
        nodes.get(node).kill();
    }

    /** Starts a dead node again on its data dir and port; returns once HAProxy sees it up. */
    void restart(int node) throws IOException, InterruptedException {
        ServerProcess old = nodes.get(node);
        if (old.alive()) {
            return;
        }
        ServerProcess process = launch(node, ports.get(node));
        nodes.set(node, process);
        process.awaitHealthy(nodeApi(node), settings.startTimeout());
        balancer.awaitState(node, "UP", Duration.ofSeconds(30));
    }

    /**
     * Makes the cluster whole again after a test broke something: starts the database and the
     * directory if they are stopped, and every dead node, then waits until HAProxy sees every
     * node up.
     */
    void heal() throws IOException, InterruptedException {
        if (!database.ready()) {
            database.start();
        }
        if (!directory.running()) {
            directory.start();
        }
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            List<Future<?>> restarts = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                int node = i;
                restarts.add(pool.submit(() -> {
                    restart(node);
                    return null;
                }));
            }
            for (Future<?> f : restarts) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("a node did not come back: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < nodes.size(); i++) {
            balancer.awaitState(i, "UP", Duration.ofSeconds(60));
        }
    }

    /** The API through HAProxy. */
    Api api() {
        return api;
    }

    /** The API of node {@code node} directly, past HAProxy. */
    Api nodeApi(int node) {
        return nodeApis.computeIfAbsent(
                node,
                n -> new Api(java.net.URI.create("http://127.0.0.1:" + ports.get(n) + "/"), settings.requestTimeout()));
    }

    String adminAuthorization() {
        return Api.bearer(adminToken);
    }

    /** An API key issued by the admin at start: a helpdesk tool's credential for starting flows. */
    String apiKey() {
        return apiKey;
    }

    int size() {
        return nodes.size();
    }

    ServerProcess node(int node) {
        return nodes.get(node);
    }

    MailSink mail() {
        return mail;
    }

    Slapd directory() {
        return directory;
    }

    Postgres database() {
        return database;
    }

    HaProxy balancer() {
        return balancer;
    }

    Settings settings() {
        return settings;
    }

    /** CPU seconds the nodes used so far (a killed node's up to the last reading; a restarted node's counts from its restart). */
    double nodesCpuSeconds() {
        double sum = 0;
        synchronized (nodes) {
            for (ServerProcess node : nodes) {
                sum += Math.max(0, node.cpuSeconds());
            }
        }
        return sum;
    }

    /** CPU seconds PostgreSQL (postmaster and backends), slapd and HAProxy used so far; -1 for a party that is down. */
    double[] storesCpuSeconds() {
        return new double[] {
            ProcStat.treeCpuSeconds(database.pid()),
            ProcStat.treeCpuSeconds(directory.pid()),
            ProcStat.treeCpuSeconds(balancer.pid())
        };
    }

    /** Stops everything and drops the database; the logs stay under the cluster's folder. */
    @Override
    public void close() {
        List<Thread> stops = new ArrayList<>();
        synchronized (nodes) {
            for (ServerProcess node : nodes) {
                Thread t = new Thread(node::close, "stop-node");
                t.start();
                stops.add(t);
            }
        }
        for (Thread t : stops) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        nodeApis.values().forEach(Api::close);
        if (api != null) {
            api.close();
        }
        if (balancer != null) {
            balancer.close();
        }
        mail.close();
        try {
            directory.close();
        } catch (IOException e) {
            System.err.println("slapd: " + e.getMessage());
        }
        database.close();
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
