package org.pult.softphone.api;

/**
 * One reading of a call's media quality.
 *
 * @param mos         mean opinion score estimate, 1 (bad) to 5 (excellent); NaN when not known yet
 * @param jitterMs    receive jitter in milliseconds
 * @param lossPercent packets lost on receive, in percent
 * @param rttMs       round-trip time in milliseconds from RTCP; NaN when not known yet
 * @param ice         how ICE connected the audio ({@link IceState#NOT_USED} without ICE)
 */
public record CallQuality(double mos, double jitterMs, double lossPercent, double rttMs, IceState ice) {

    public CallQuality {
        java.util.Objects.requireNonNull(ice, "ice");
    }

    /** The outcome of ICE for a call's audio, as far as it got. */
    public enum IceState {
        /** ICE is off, or the other side does not do it. */
        NOT_USED,
        FAILED,
        IN_PROGRESS,
        /** Directly between the two hosts' own addresses. */
        HOST,
        /** Through a NAT, by the address a STUN server saw. */
        REFLEXIVE,
        /** Through a TURN relay. */
        RELAY
    }
}
