package org.pult.app.softphone;

import java.nio.file.Path;
import org.pult.softphone.api.Softphone;
import org.pult.softphone.api.SoftphoneConfig;

/**
 * Starts a softphone engine, or says in the operator's terms why this machine cannot run one.
 * The app depends on this seam, not on liblinphone; {@link LinphonePhoneEngine} is the real one.
 */
public interface PhoneEngine {

    /** Blocks for the engine's start (tens of milliseconds): call off the FX thread. */
    Started start(SoftphoneConfig config) throws PhoneUnavailableException;

    /** True when this computer has a sound card; without one the engine plays and records files. */
    boolean hasSoundCard();

    /** Folder for the engine's files; also where file-audio recordings go. */
    Path workDirectory();

    record Started(Softphone softphone, String engineVersion) {
    }
}
