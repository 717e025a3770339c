package dev.crashwatch.watchdog.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.crashwatch.watchdog.watch.KnownJvm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SidecarMainTest {
    @Test
    void the_jvm_is_named_with_its_error_file_as_given() {
        SidecarMain.Options o = SidecarMain.Options.parse(new String[] {"--dir", "/store", "--pid", "42", "--cwd",
            "/app", "--started", "1000", "--error-file", "logs/hs_%p_100%%.log"});
        assertNull(o.error);
        assertEquals(new KnownJvm(42, Path.of("/app"), "logs/hs_%p_100%%.log", 1000), o.app);
    }

    @Test
    void without_an_error_file_it_is_empty_and_the_option_order_does_not_matter() {
        SidecarMain.Options o = SidecarMain.Options.parse(new String[] {"--started", "1000", "--cwd", "/app",
            "--pid", "42"});
        assertNull(o.error);
        assertEquals(new KnownJvm(42, Path.of("/app"), "", 1000), o.app);
        assertEquals("", SidecarMain.Options.parse(new String[] {"--pid", "42", "--cwd", "/app", "--started", "1",
            "--error-file"}).app.errorFile());
    }

    @Test
    void an_error_file_without_the_jvm_names_nothing() {
        assertNull(SidecarMain.Options.parse(new String[] {"--error-file", "/logs/hs.log"}).app);
    }
}
