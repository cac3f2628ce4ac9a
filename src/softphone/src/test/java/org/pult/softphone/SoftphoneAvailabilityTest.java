package org.pult.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pult.softphone.SoftphoneAvailability.Reason;

class SoftphoneAvailabilityTest {

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyReasonTellsTheUserWhatToDo(Reason reason) {
        assertThat(reason.installHint()).isNotBlank();
    }

    @Test
    void aMissingEngineNamesTheDebianRuntimePackage() {
        assertThat(Reason.LIBRARY_LOAD_FAILED.installHint()).contains("apt-get install liblinphone10");
    }

    @Test
    void aMissingBridgeLibraryNamesTheBuildPrerequisites() {
        assertThat(Reason.LIBRARY_NOT_FOUND.installHint()).contains("apt-get install cmake liblinphone-dev");
    }
}
