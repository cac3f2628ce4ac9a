package org.pult.softphone.api;

/**
 * One reading of a call's media quality.
 *
 * @param mos         mean opinion score estimate, 1 (bad) to 5 (excellent); NaN when not known yet
 * @param jitterMs    receive jitter in milliseconds
 * @param lossPercent packets lost on receive, in percent
 * @param rttMs       round-trip time in milliseconds from RTCP; NaN when not known yet
 */
public record CallQuality(double mos, double jitterMs, double lossPercent, double rttMs) {
}
