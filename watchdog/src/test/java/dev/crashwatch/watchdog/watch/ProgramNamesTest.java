package dev.crashwatch.watchdog.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashwatch.watchdog.pipe.Hello;
import dev.crashwatch.watchdog.store.HostFacts;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The naming rules (docs/counting.md, "Program names"), one case per rule and launcher. */
class ProgramNamesTest {
    @TempDir
    Path tmp;

    private static Hello hello(String text) {
        return Hello.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String name(Hello hello) {
        ProgramNames.Name n = ProgramNames.of(hello, Labels.NONE);
        return n.program() + "@" + n.version();
    }

    @ParameterizedTest
    @CsvSource({
        "/opt/app/server-1.2.jar, server@1.2",
        "/opt/app/server-2.4.0-rc1.jar, server@2.4.0-rc1",
        "/opt/app/tool.jar, tool@devel",
        "com.example.Server, Server@devel",
        "mod/com.example.Main, Main@devel",
        "Plain, Plain@devel",
        "'', unknown@devel",
        "/work/build/app-20261203093850620.jar, unknown@devel",
        "/tmp/launch-17/app.jar, unknown@devel",
    })
    void without_a_label_the_main_jar_or_class_names_it_never_a_timestamp_or_temp_path(String main, String name) {
        assertEquals(name, name(hello("main=" + main + "\ntmpdir=/tmp\n")));
    }

    @Test
    void the_user_and_the_manifest_win_in_that_order() {
        Hello h = hello("program=billing\nversion=2.0\nmain=x.Main\njavaVersion=25.0.1\nmoduleName=com.acme.billing\n");
        LocalDate week = LocalDate.of(2026, 11, 23);
        HostFacts host = new HostFacts("linux", "amd64");
        assertEquals(new CounterFileKey("billing", "2.0", "25.0.1", "linux", "amd64", week),
                CounterKeys.of(h, Labels.NONE, host, week));
        assertEquals(new CounterFileKey("p", "v", "25.0.1", "linux", "amd64", week),
                CounterKeys.of(h, new Labels("p", "v"), host, week));
        assertEquals(new CounterFileKey("unknown", "devel", "unknown", "linux", "amd64", week),
                CounterKeys.of(Hello.NONE, Labels.NONE, host, week));
        assertEquals("com.acme.billing@3.1", name(hello("main=/opt/b.jar\nmoduleName=com.acme.billing\nversion=3.1\n")));
    }

    @Test
    void maven_is_mvn_with_the_version_of_its_core() throws Exception {
        Path home = tmp.resolve("apache maven");
        Files.createDirectories(home.resolve("boot"));
        Files.createFile(home.resolve("boot/plexus-classworlds-2.6.0.jar"));
        Files.createDirectories(home.resolve("lib"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(home.resolve("lib/maven-core-3.9.9.jar")))) {
            jar.putNextEntry(new JarEntry("META-INF/maven/org.apache.maven/maven-core/pom.properties"));
            jar.write("groupId=org.apache.maven\nartifactId=maven-core\nversion=3.9.9\n".getBytes(StandardCharsets.UTF_8));
        }
        String launcher = "org.codehaus.plexus.classworlds.launcher.Launcher";
        assertEquals("mvn@3.9.9", name(hello("main=" + launcher + "\nclassPath=" + home.resolve(
                "boot/plexus-classworlds-2.6.0.jar") + "\n")));
        assertEquals("Launcher@devel", name(hello("main=" + launcher + "\nclassPath=/opt/other/cw.jar\n")),
                "class worlds without Maven's layout is not Maven");
    }

    @Test
    void the_real_maven_on_this_machine_is_named_with_its_version() {
        Path boot = Path.of("/usr/share/maven/boot/plexus-classworlds-2.x.jar");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(boot), "no Debian Maven here");
        assertEquals("mvn@3.8.7", name(hello("main=org.codehaus.plexus.classworlds.launcher.Launcher\nclassPath="
                + boot + "\n")));
    }

    @Test
    void a_surefire_fork_is_named_after_the_project_in_its_working_directory_stable_across_builds() throws Exception {
        Path project = tmp.resolve("shop");
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), "<project><parent><version>9</version></parent>"
                + "<artifactId>shop-api</artifactId><version>1.4.0-SNAPSHOT</version></project>");
        for (String booter : new String[] {"surefirebooter-20261203093850620_3.jar", "surefirebooter-20261204101010999_7.jar"}) {
            assertEquals("surefire-fork:shop-api@1.4.0-SNAPSHOT", name(hello("main=" + project.resolve("target/surefire/"
                    + booter) + "\nmainClass=org.apache.maven.surefire.booter.ForkedBooter\ncwd=" + project + "\n")));
        }
        Files.writeString(project.resolve("pom.xml"), "<project><parent><version>9</version></parent>"
                + "<artifactId>shop-api</artifactId></project>");
        assertEquals("surefire-fork:shop-api@9", name(hello("main=org.apache.maven.surefire.booter.ForkedBooter\ncwd="
                + project + "\n")), "the version inherited from the parent");
        Files.writeString(project.resolve("pom.xml"), "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><project><artifactId>&x;</artifactId></project>");
        assertEquals("surefire-fork@devel", name(hello("main=org.apache.maven.surefire.booter.ForkedBooter\ncwd="
                + project + "\n")), "a hostile pom names nothing");
    }

    @ParameterizedTest
    @CsvSource({
        "org.gradle.launcher.daemon.bootstrap.GradleDaemon, /g/lib/gradle-launcher-8.5.jar, gradle-daemon@8.5",
        "worker.org.gradle.process.internal.worker.GradleWorkerMain, /g/lib/gradle-worker.jar, gradle-worker@devel",
        "org.gradle.wrapper.GradleWrapperMain, /p/gradle/wrapper/gradle-wrapper.jar, gradle-wrapper@devel",
        "jdk.jshell/jdk.internal.jshell.tool.JShellToolProvider, '', jshell@17.0.15",
        "jdk.jshell.execution.RemoteExecutionControl, /tmp/x, jshell-engine@17.0.15",
        "jdk.compiler/com.sun.tools.javac.Main, '', javac@17.0.15",
        "jdk.javadoc/jdk.javadoc.internal.tool.Main, '', javadoc@17.0.15",
        "jdk.jartool/sun.tools.jar.Main, '', jar@17.0.15",
        "jdk.jlink/jdk.tools.jlink.internal.Main, '', jlink@17.0.15",
        "jdk.jpackage/jdk.jpackage.main.Main, '', jpackage@17.0.15",
        "org.eclipse.jetty.start.Main, /opt/jetty/lib/jetty-start-12.0.16.jar, jetty@12.0.16",
        "org.apache.catalina.startup.Bootstrap, /opt/tomcat/bin/bootstrap.jar, tomcat@devel",
    })
    void well_known_launchers_get_their_program_name(String main, String classPath, String name) {
        assertEquals(name, name(hello("main=" + main + "\nclassPath=" + classPath + "\njavaVersion=17.0.15\n")));
    }

    @Test
    void a_launcher_run_from_a_jar_is_recognised_by_its_manifest_main_class() throws Exception {
        Path jar = tmp.resolve("start.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.putNextEntry(new JarEntry("x"));
        }
        assertEquals("jetty@devel", name(hello("main=" + jar + "\nmainClass=org.eclipse.jetty.start.Main\n")));
    }
}
