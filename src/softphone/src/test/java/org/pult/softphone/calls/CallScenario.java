package org.pult.softphone.calls;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real-call scenario test: a fresh {@link CallLab} (Kamailio + engines) per test. The folder with
 * recordings and engine data is kept when the test fails, and its paths are printed either way.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
abstract class CallScenario {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;
    CallLab lab;

    @BeforeEach
    final void startLab() {
        lab = createLab(folder);
    }

    /** Override to start Kamailio with other options. */
    CallLab createLab(Path labFolder) {
        return CallLab.start(labFolder);
    }

    @AfterEach
    final void closeLab() {
        if (lab != null) {
            System.out.println(getClass().getSimpleName() + ": " + lab.diagnostics());
            lab.close();
        }
    }
}
