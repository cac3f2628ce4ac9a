/**
 * Test support for real SIP calls: a registrar on loopback, tones, recordings and their analysis.
 *
 * <ul>
 *   <li>{@link org.pult.siplab.Kamailio}: Kamailio 5.6 as a child process on 127.0.0.1 with free UDP/TCP
 *       and TLS ports; registrar (location in memory) and record-route proxy; digest authentication of
 *       REGISTER and of requests from local users against the users a test passes in; GRUU-safe
 *       in-dialog routing; REFER/Replaces passed through; {@code stop()}/{@code restart()} on the same
 *       ports; its log under {@code target/siplab-logs}.</li>
 *   <li>{@link org.pult.siplab.Coturn}: coturn as STUN/TURN server on a free UDP port of 127.0.0.1 (or the
 *       address {@link org.pult.siplab.HostAddresses#defaultRouteIpv4()} finds, which ICE calls need), relays from
 *       a narrow free port range, long-term credentials for the users a test passes in; counts allocations and
 *       refused passwords per user from its log. {@link org.pult.siplab.StunProbe}: one-shot STUN Binding and
 *       TURN Allocate requests.</li>
 *   <li>{@link org.pult.siplab.PulseAudioLab}: a private PulseAudio daemon whose null sinks and remap
 *       sources stand in for headsets, speakers and microphones on machines without a sound card; plays
 *       WAVs into them (paplay) and records what an engine played (parecord).</li>
 *   <li>{@link org.pult.siplab.TestCa}: a CA and a server certificate for 127.0.0.1 made with openssl.</li>
 *   <li>{@link org.pult.siplab.Tones}, {@link org.pult.siplab.WavFile}, {@link org.pult.siplab.GrowingWav},
 *       {@link org.pult.siplab.ToneDetector}, {@link org.pult.siplab.ToneTimeline}: tone WAVs to play,
 *       and Goertzel detection of which tones sound when in what an engine recorded (also while it
 *       is still writing the file).</li>
 *   <li>{@link org.pult.siplab.Sipp}, {@link org.pult.siplab.SipGarbage}, {@link org.pult.siplab.UdpSipProbe},
 *       {@link org.pult.siplab.TlsProbe}: sipp scenarios, malformed datagrams, one-shot SIP requests and
 *       TLS handshakes.</li>
 * </ul>
 *
 * <p>Every process the lab starts is killed by a JVM shutdown hook if the test did not stop it.
 */
package org.pult.siplab;
